/**
 * What the page shows where there is no photo: a grey silhouette as an inline SVG `data:` URL (the page's policy
 * allows `data:` images and nothing from elsewhere). Shared by the server-rendered markup and the browser code.
 */
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" fill="#e1e4ea"/>' +
  '<circle cx="48" cy="37" r="17" fill="#9aa3b2"/><path d="M14 96c2-21 16-32 34-32s32 11 34 32z" fill="#9aa3b2"/></svg>';

/** The silhouette as a `data:image/svg+xml` URL. */
export const PLACEHOLDER_PHOTO = `data:image/svg+xml,${encodeURIComponent(SVG)}`;
