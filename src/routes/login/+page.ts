// The sign-in form is plain HTML that works without JavaScript: shipping the client
// runtime (~40 kB gzip) to the first page everyone loads would buy nothing.
export const csr = false;
