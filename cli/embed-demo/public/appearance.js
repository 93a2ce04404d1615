/* global document, customElements */
// The brand of the second block. `appearance` is an object, so it is set as a
// property from a script (this same-origin file: the page allows no inline script).
customElements.whenDefined('caseflow-portal').then(() => {
  document.getElementById('branded-portal').appearance = {
    variables: { colorPrimary: '#7c3aed', radius: '2px', fontFamily: 'Georgia, serif' },
  };
});
