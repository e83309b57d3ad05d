// This page is plain HTML that works without JavaScript: shipping the client
// runtime (~40 kB gzip) would buy nothing.
export const csr = false;
