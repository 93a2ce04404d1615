import type { FirmSettings, FirmSettingsUpdate } from '../schemas/tenants.js';
import type { RouteCaller } from '../call.js';
import type { UploadBody } from '../transport.js';
import type { adminRoutes } from '../routes/admin.js';

/** The firm's own settings: any staff member reads them; admins change them. */
export class AdminSettings {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * Branding, footer details, defaults and payment instructions.
   * @example const { payment_instructions } = await admin.settings.retrieve();
   */
  retrieve(): Promise<FirmSettings> {
    return this.api.call('adminRetrieveSettings');
  }

  /**
   * Changes the settings given (admins only). A change of payment instructions is audited and emailed to every admin.
   * @example await admin.settings.update({ phone: '+44 20 7946 0000', payment_instructions: { notes: null } });
   */
  update(body: FirmSettingsUpdate): Promise<FirmSettings> {
    return this.api.call('adminUpdateSettings', { body });
  }

  /**
   * Uploads the logo (admins only): a PNG or JPEG of at most 256 KB, checked by its bytes.
   * @example await admin.settings.uploadLogo({ bytes: await fs.readFile('logo.png'), type: 'image/png' });
   */
  uploadLogo(upload: UploadBody): Promise<FirmSettings> {
    return this.api.call('adminUploadLogo', { upload });
  }

  /**
   * Removes the logo (admins only).
   * @example await admin.settings.deleteLogo();
   */
  deleteLogo(): Promise<FirmSettings> {
    return this.api.call('adminDeleteLogo');
  }
}
