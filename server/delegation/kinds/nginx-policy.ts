import type { SnippetContext, ValidationIssue } from "../kind";
import { byLine, error, warning } from "./issue";
import { type NginxDirective, parseNginx, walkNginx } from "./nginx-parse";

/** The largest snippet accepted: a server-level include is short; anything bigger is a mistake or a payload. */
export const nginxMaxBytes = 64 * 1024;

/** Where a customer's files live on a managed VM; roots, aliases, certificates and sockets must stay inside. */
export const customerDir = (orgSlug: string) => `/srv/${orgSlug}/`;
/** Where a customer's nginx logs go, so log rotation and disk quotas can find them. */
export const customerLogDir = (orgSlug: string) => `/var/log/hostdesk/${orgSlug}/`;

const blocksAboveServer = new Set(["http", "server", "events", "stream", "mail"]);
/** Directives of nginx's main context: they configure the nginx process, which is the provider's. */
const processDirectives = new Set([
  "user",
  "daemon",
  "master_process",
  "pid",
  "env",
  "working_directory",
  "lock_file",
  "pcre_jit",
  "thread_pool",
  "timer_resolution",
  "ssl_engine",
  "debug_points",
  "google_perftools_profiles",
]);
/** Directives that read a file by path; outside the customer's directory they would read the provider's or another customer's. */
const fileDirectives = new Set([
  "ssl_certificate",
  "ssl_certificate_key",
  "ssl_trusted_certificate",
  "ssl_client_certificate",
  "ssl_dhparam",
  "ssl_crl",
  "ssl_password_file",
  "ssl_stapling_file",
  "ssl_session_ticket_key",
  "proxy_ssl_certificate",
  "proxy_ssl_certificate_key",
  "proxy_ssl_trusted_certificate",
  "proxy_ssl_crl",
  "proxy_ssl_password_file",
  "grpc_ssl_certificate",
  "grpc_ssl_certificate_key",
  "grpc_ssl_trusted_certificate",
  "uwsgi_ssl_certificate",
  "uwsgi_ssl_certificate_key",
  "auth_basic_user_file",
]);
const upstreamPasses = new Set(["proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass", "memcached_pass"]);

const embeddedCode = (name: string) => /^(perl|lua)/.test(name) || name.startsWith("js_") || name.includes("_by_lua");

type PathVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether `path` names something inside `dir` once nginx (and the kernel) read it. Variables are
 * refused because their value is only known per request (`$arg_x` is whatever the visitor sends);
 * `..` is refused outright rather than resolved, since a symlink on the way could change what it means.
 */
function pathInside(path: string, dir: string, allowDirItself: boolean): PathVerdict {
  if (path.includes("$")) return { ok: false, reason: `write the path literally: a variable in it can point outside ${dir}` };
  if (!path.startsWith("/")) return { ok: false, reason: `use an absolute path under ${dir}` };
  const segments = path.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) return { ok: false, reason: `".." is not allowed; use a path under ${dir} without it` };
  const base = dir.split("/").filter(Boolean);
  const inside = base.every((segment, i) => segments[i] === segment);
  if (!inside || (!allowDirItself && segments.length === base.length)) return { ok: false, reason: `it must be under ${dir}` };
  return { ok: true };
}

function checkPath(issues: ValidationIssue[], d: NginxDirective, value: string | undefined, dir: string, allowDirItself: boolean) {
  if (value === undefined) return; // nginx -t reports the missing argument in its own words
  const verdict = pathInside(value, dir, allowDirItself);
  if (!verdict.ok) issues.push(error(d.line, `${d.name} "${value}" is not allowed: ${verdict.reason}.`));
}

function checkDirective(issues: ValidationIssue[], d: NginxDirective, parents: string[], context: SnippetContext) {
  const home = customerDir(context.orgSlug);
  const logs = customerLogDir(context.orgSlug);
  const name = d.name;
  if (name === "") return;

  if (blocksAboveServer.has(name)) {
    issues.push(error(d.line, `"${name}" blocks are not allowed: this snippet is included inside the provider's server block, so write location blocks and server-level directives only.`));
  } else if (name === "upstream") {
    issues.push(error(d.line, "upstream blocks belong to the http level, which the provider manages; give proxy_pass the address directly."));
  } else if (name === "load_module") {
    issues.push(error(d.line, "load_module is not allowed: modules load code into nginx and are installed by the provider."));
  } else if (name === "include") {
    issues.push(error(d.line, "include is not allowed: a snippet must hold all of its configuration itself, so reviewers see everything it does."));
  } else if (processDirectives.has(name) || name.startsWith("worker_")) {
    issues.push(error(d.line, `${name} configures the nginx process itself, which the provider manages; remove it.`));
  } else if (name === "listen" || name === "server_name") {
    issues.push(error(d.line, `${name} is set by the provider's server block; ask support if you need another address or name.`));
  } else if (embeddedCode(name)) {
    issues.push(error(d.line, `${name} runs embedded code inside nginx, which is not allowed; run your code as an application behind proxy_pass.`));
  } else if (name === "root" || name === "alias") {
    checkPath(issues, d, d.args[0], home, true);
  } else if (fileDirectives.has(name)) {
    const value = d.args[0];
    if (value?.startsWith("data:") || value?.startsWith("engine:")) issues.push(error(d.line, `${name} must name a file under ${home}, not inline data or an engine.`));
    else checkPath(issues, d, value, home, false);
  } else if (name === "access_log" || name === "error_log") {
    const value = d.args[0];
    if (value === undefined || (name === "access_log" && value === "off")) return;
    if (/^(syslog|memory):|^stderr$/.test(value)) issues.push(error(d.line, `${name} must write to a file under ${logs}.`));
    else checkPath(issues, d, value, logs, false);
  } else if (name.endsWith("_temp_path")) {
    checkPath(issues, d, d.args[0], home, false);
  } else if (/^(proxy|fastcgi|uwsgi|scgi)_store$/.test(name)) {
    const value = d.args[0];
    if (value !== undefined && value !== "on" && value !== "off") checkPath(issues, d, value, home, false);
  } else if (upstreamPasses.has(name)) {
    const target = d.args[0] ?? "";
    const socket = /unix:([^:]*)/.exec(target);
    if (socket) {
      const verdict = pathInside(socket[1]!, home, false);
      if (!verdict.ok) issues.push(error(d.line, `${name} to the unix socket "${socket[1]}" is not allowed: ${verdict.reason}.`));
    } else if (target.includes("$")) {
      issues.push(warning(d.line, `${name} with a variable lets a request choose where nginx connects; a reviewer will check that visitors cannot set it.`));
    }
  } else if (name === "autoindex" && d.args[0] === "on") {
    issues.push(warning(d.line, "autoindex on lists every file in the directory to anyone who asks; make sure nothing private is there."));
  }

  if (name === "location" && parents.length >= 3) {
    issues.push(warning(d.line, "Locations nested this deep are hard to reason about; consider flattening them."));
  }
}

/**
 * What a customer may not put in a server-level nginx include. The real `nginx -t` on the host's
 * staged configuration proves the rest (unknown directives, bad arguments, wrong contexts); this
 * policy refuses what nginx would happily accept but the customer must not do.
 */
export function nginxPolicy(text: string, context: SnippetContext): ValidationIssue[] {
  if (Buffer.byteLength(text, "utf8") > nginxMaxBytes) {
    return [error(null, `The snippet is larger than ${nginxMaxBytes / 1024} KiB; split it or ask support.`)];
  }
  const { directives, issues } = parseNginx(text);
  for (const { directive, parents } of walkNginx(directives)) checkDirective(issues, directive, parents, context);
  return byLine(issues);
}
