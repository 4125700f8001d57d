/**
 * Reference data for realistic events: real CrowdSec scenario names and behaviours, released
 * versions, operating systems, component names. Plain tables, so realism stays reviewable and
 * generation stays fast (no faker at run time). Networks and places are in geo-data.ts.
 */

/** A behaviour as the Console's CTI names it. */
export interface Behavior {
  name: string;
  label: string;
  description: string;
}

export const BEHAVIORS: Record<string, Behavior> = {
  'ssh:bruteforce': {
    name: 'ssh:bruteforce',
    label: 'SSH Bruteforce',
    description: 'IP has been reported for performing brute force on ssh services.',
  },
  'http:scan': {
    name: 'http:scan',
    label: 'HTTP Scan',
    description:
      'IP has been reported for performing actions related to HTTP vulnerability scanning and discovery.',
  },
  'http:exploit': {
    name: 'http:exploit',
    label: 'HTTP Exploit',
    description: 'IP has been reported for attempting to exploit a vulnerability in a web application.',
  },
  'http:crawl': {
    name: 'http:crawl',
    label: 'HTTP Crawl',
    description: 'IP has been reported for performing aggressive crawling of web applications.',
  },
  'http:bruteforce': {
    name: 'http:bruteforce',
    label: 'HTTP Bruteforce',
    description: 'IP has been reported for performing a HTTP brute force attack.',
  },
  'tcp:scan': {
    name: 'tcp:scan',
    label: 'TCP Scan',
    description: 'IP has been reported for performing TCP port scanning.',
  },
  'generic:exploit': {
    name: 'generic:exploit',
    label: 'Exploitation attempt',
    description: 'IP has been reported trying to exploit known vulnerability/CVE on unspecified protocols.',
  },
  'smtp:spam': {
    name: 'smtp:spam',
    label: 'SMTP Spam',
    description: 'IP has been reported for sending spam through SMTP.',
  },
  'database:bruteforce': {
    name: 'database:bruteforce',
    label: 'Database Bruteforce',
    description: 'IP has been reported for performing brute force on databases.',
  },
};

/** Real scenarios from the CrowdSec Hub, with the behaviours they reveal. */
export const SCENARIOS: readonly { name: string; behaviors: readonly string[] }[] = [
  { name: 'crowdsecurity/ssh-bf', behaviors: ['ssh:bruteforce'] },
  { name: 'crowdsecurity/ssh-slow-bf', behaviors: ['ssh:bruteforce'] },
  { name: 'crowdsecurity/ssh-cve-2024-6387', behaviors: ['ssh:bruteforce', 'generic:exploit'] },
  { name: 'crowdsecurity/http-probing', behaviors: ['http:scan'] },
  { name: 'crowdsecurity/http-crawl-non_statics', behaviors: ['http:crawl'] },
  { name: 'crowdsecurity/http-bad-user-agent', behaviors: ['http:scan'] },
  { name: 'crowdsecurity/http-path-traversal-probing', behaviors: ['http:exploit', 'http:scan'] },
  { name: 'crowdsecurity/http-sensitive-files', behaviors: ['http:scan'] },
  { name: 'crowdsecurity/http-sqli-probing', behaviors: ['http:exploit'] },
  { name: 'crowdsecurity/http-xss-probing', behaviors: ['http:exploit'] },
  { name: 'crowdsecurity/http-backdoors-attempts', behaviors: ['http:exploit', 'http:scan'] },
  { name: 'crowdsecurity/http-admin-interface-probing', behaviors: ['http:scan'] },
  { name: 'crowdsecurity/http-wordpress-scan', behaviors: ['http:scan'] },
  { name: 'crowdsecurity/http-generic-bf', behaviors: ['http:bruteforce'] },
  { name: 'crowdsecurity/http-cve-2021-41773', behaviors: ['http:exploit'] },
  { name: 'crowdsecurity/apache_log4j2_cve-2021-44228', behaviors: ['http:exploit', 'generic:exploit'] },
  { name: 'crowdsecurity/CVE-2022-26134', behaviors: ['http:exploit'] },
  { name: 'crowdsecurity/thinkphp-cve-2018-20062', behaviors: ['http:exploit'] },
  { name: 'crowdsecurity/fortinet-cve-2018-13379', behaviors: ['http:exploit'] },
  { name: 'crowdsecurity/iptables-scan-multi_ports', behaviors: ['tcp:scan'] },
  { name: 'crowdsecurity/postfix-spam', behaviors: ['smtp:spam'] },
  { name: 'crowdsecurity/mysql-bf', behaviors: ['database:bruteforce'] },
  { name: 'crowdsecurity/nginx-req-limit-exceeded', behaviors: ['http:crawl'] },
];

/** Scenarios that most often fire on a legitimate crawler or CDN: the blocking_safe_ip case. */
export const FALSE_POSITIVE_SCENARIOS: readonly string[] = [
  'crowdsecurity/http-crawl-non_statics',
  'crowdsecurity/http-probing',
  'crowdsecurity/http-bad-user-agent',
  'crowdsecurity/nginx-req-limit-exceeded',
];

export const ENGINE_VERSIONS: readonly string[] = [
  'v1.5.5',
  'v1.6.0',
  'v1.6.1',
  'v1.6.2',
  'v1.6.3',
  'v1.6.3-rc4',
  'v1.6.4',
  'v1.6.5',
  'v1.6.6',
  'v1.6.8',
  'v1.6.9',
  'v1.7.0',
  'v1.7.2',
  'v1.7.3',
  'v1.7.4',
];

export const OPERATING_SYSTEMS: readonly { name: string; version: string }[] = [
  { name: 'ubuntu', version: '22.04' },
  { name: 'ubuntu', version: '24.04' },
  { name: 'ubuntu', version: '20.04' },
  { name: 'debian', version: '12' },
  { name: 'debian', version: '11' },
  { name: 'rhel', version: '9.4' },
  { name: 'rocky', version: '9.3' },
  { name: 'alpine', version: '3.20.3' },
  { name: 'amzn', version: '2023' },
  { name: 'freebsd', version: '14.1' },
  { name: 'opnsense', version: '24.7' },
  { name: 'windows', version: '10.0.20348' },
];

/** Remediation components (bouncers) and versions they have shipped. */
export const REMEDIATION_COMPONENTS: readonly { name: string; versions: readonly string[] }[] = [
  { name: 'cs-firewall-bouncer', versions: ['v0.0.28', 'v0.0.31', 'v0.0.34'] },
  { name: 'cs-nginx-bouncer', versions: ['v1.0.7', 'v1.0.8', 'v1.1.1'] },
  { name: 'cs-traefik-bouncer', versions: ['v1.3.3', 'v1.4.2'] },
  { name: 'cs-cloudflare-bouncer', versions: ['v0.2.1', 'v0.3.0'] },
  { name: 'cs-haproxy-bouncer', versions: ['v0.0.5', 'v0.0.6'] },
  { name: 'cs-blocklist-mirror', versions: ['v0.0.4', 'v0.0.5'] },
  { name: 'crowdsec-wordpress-bouncer', versions: ['v2.6.2', 'v2.8.0'] },
];

export const HOSTNAMES: readonly string[] = [
  'web-01',
  'web-02',
  'edge-proxy-1',
  'mail-gw',
  'bastion-01',
  'k8s-node-3',
  'db-primary',
  'nginx-lb-2',
  'wordpress-prod',
  'gitlab',
  'vpn-gw',
  'nextcloud',
  'api-eu-west',
  'shop-frontend',
];

export const FIREWALL_INTEGRATIONS: readonly string[] = [
  'pfSense Edge',
  'FortiGate HQ',
  'OPNsense Lab',
  'Palo Alto DMZ',
  'Check Point Perimeter',
  'Sophos XG Branch',
  'MikroTik Office',
  'Juniper SRX Datacenter',
];

export const REMEDIATION_INTEGRATIONS: readonly string[] = [
  'Cloudflare WAF',
  'AWS WAF prod',
  'Fastly edge',
  'F5 BIG-IP',
  'Akamai Edge',
  'nginx blocklist',
  'HAProxy edge',
];
