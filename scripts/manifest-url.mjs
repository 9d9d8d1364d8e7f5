// @ts-check
// The production manifest: manifest.xml names the dev server (https://localhost:3000) in
// every URL; a build for an office's own server (`npm run build -- --env
// publicUrl=https://intranet.example/tongbao/`, or TONGBAO_PUBLIC_URL) writes dist/manifest.xml
// with each of them under that address instead. webpack.config.js and test/manifest.test.ts
// both use these two functions.

/** Where manifest.xml points in development: the dev server (`npm run dev-server`). */
export const DEV_ORIGIN = 'https://localhost:3000';

/** A refused address: the message is one Chinese line, for the person running the build. */
export class PublicUrlError extends Error {}

/**
 * The address dist/ will be served from, checked and normalised: https, a host, no query,
 * fragment or user name, and a path ending in `/` (the manifest's file names are appended to
 * it). Throws PublicUrlError, with one line saying what is wrong, for anything else.
 * @param {string} raw
 * @returns {string}
 */
export function checkPublicUrl(raw) {
  const text = String(raw).trim();
  const example = '例如 https://intranet.example/tongbao/';
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new PublicUrlError(`publicUrl 不是有效的网址：“${text}”（${example}）`);
  }
  if (url.protocol !== 'https:')
    throw new PublicUrlError(
      `publicUrl 必须以 https:// 开头（Office 只加载 HTTPS 上的加载项）：“${text}”（${example}）`,
    );
  if (!url.hostname || url.username || url.password || url.search || url.hash || /\s/.test(text))
    throw new PublicUrlError(
      `publicUrl 只能是服务器地址和目录，不能带用户名、空格、“?”或“#”：“${text}”（${example}）`,
    );
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

/**
 * manifest.xml with every dev-server URL moved under `publicUrl` (already checked by
 * checkPublicUrl): `https://localhost:3000/x` becomes `<publicUrl>x` (SourceLocation, icons,
 * SupportUrl, the resources' images and URLs), and an AppDomain of the dev server becomes
 * publicUrl's origin (an AppDomain is an origin, never a path). Throws if a dev-server address
 * is left, so a new kind of URL in manifest.xml cannot ship pointing at localhost unnoticed.
 * @param {string} xml
 * @param {string} publicUrl
 * @returns {string}
 */
export function productionManifest(xml, publicUrl) {
  const base = checkPublicUrl(publicUrl);
  const origin = new URL(base).origin;
  const domains = [`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${DEV_ORIGIN}/</AppDomain>`];
  // What is left once every form this function rewrites is taken out (checked on the input,
  // so that a publicUrl on the dev server itself is not mistaken for a leftover).
  const unhandled = [...domains, `${DEV_ORIGIN}/`].reduce((s, f) => s.replaceAll(f, ''), xml);
  if (unhandled.includes(DEV_ORIGIN))
    throw new PublicUrlError(
      `manifest.xml 中仍有 ${DEV_ORIGIN} 的地址无法改写：请检查 manifest.xml 中 ${DEV_ORIGIN} 后面是否缺少“/”。`,
    );
  return domains
    .reduce((s, f) => s.replaceAll(f, `<AppDomain>${origin}</AppDomain>`), xml)
    .replaceAll(`${DEV_ORIGIN}/`, base);
}
