/** Where on a host the provider's nginx configuration lives, and where snippets land inside it. */
export const nginxConfDir = "etc/nginx";
export const nginxSnippetDir = `${nginxConfDir}/hostdesk`;

/**
 * The `etc/nginx/nginx.conf` a new host folder starts with (the local platform driver's hosts).
 * Every path nginx writes — pid, error log, temp directories — is relative, so it resolves inside
 * the prefix given with `-p`: `nginx -t` against a staged copy then needs no root and touches
 * nothing outside the copy. Snippets are included inside the one server block, which is what makes
 * them server-level includes.
 */
export function baseNginxConf(): string {
  return [
    "# Hostdesk base configuration. Customer snippets are the files in hostdesk/; this file is the provider's.",
    "worker_processes 1;",
    "pid nginx.pid;",
    "error_log error.log;",
    "",
    "events {}",
    "",
    "http {",
    "    access_log off;",
    "    client_body_temp_path client_body_temp;",
    "    proxy_temp_path proxy_temp;",
    "    fastcgi_temp_path fastcgi_temp;",
    "    uwsgi_temp_path uwsgi_temp;",
    "    scgi_temp_path scgi_temp;",
    "",
    "    server {",
    "        listen 8080;",
    "        server_name _;",
    "        include hostdesk/*.conf;",
    "    }",
    "}",
    "",
  ].join("\n");
}
