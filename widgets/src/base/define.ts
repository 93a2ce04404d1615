/**
 * Registers a custom element unless the tag is already taken. A page may load the
 * widgets bundle twice (a firm's site and a plugin, two versions): the second
 * `customElements.define` would throw and stop the rest of that bundle.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
