import type { StagedCheck } from "@/server/delegation/kind";
import type { PlatformDriver } from "../driver";

export const nginxBinary = "/usr/sbin/nginx";

/**
 * The host's own nginx.conf, shaped so that `nginx -t` runs anywhere without root-owned paths:
 * pid, error log and temp paths are relative, so they land inside whichever prefix the test names.
 */
export const nginxConf = `pid nginx.pid;
error_log error.log;
events {}
http {
  access_log off;
  client_body_temp_path body;
  proxy_temp_path proxy;
  fastcgi_temp_path fastcgi;
  uwsgi_temp_path uwsgi;
  scgi_temp_path scgi;
  server {
    listen 8080;
    include hostdesk/*.conf;
  }
}
`;

/** The real config test against the staged copy; `-e stderr` keeps it away from /var/log/nginx. */
export const nginxCheck: StagedCheck = {
  copyDir: "etc/nginx",
  argv: [nginxBinary, "-t", "-q", "-e", "stderr", "-p", "{stage}/etc/nginx/", "-c", "{stage}/etc/nginx/nginx.conf"],
};

/** Gives a host the skeleton nginx configuration the snippets are included into. */
export async function installNginxSkeleton(driver: PlatformDriver): Promise<void> {
  await driver.writeFileAtomic("etc/nginx/nginx.conf", nginxConf, 0o644);
}

export const goodLocation = (name: string) => `location /${name} {\n  return 200 "${name}";\n}\n`;
export const badLocation = `location /broken {\n  retrun 200;\n}\n`;
