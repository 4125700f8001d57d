/**
 * Networks and places for realistic sources: real autonomous systems with address prefixes they
 * announce, cities where they have addresses (with coordinates), and known-safe sources (crawlers,
 * CDNs, probes) for blocking_safe_ip.
 */

export interface Place {
  country: string;
  city: string;
  latitude: number;
  longitude: number;
}

const P = (country: string, city: string, latitude: number, longitude: number): Place => ({
  country,
  city,
  latitude,
  longitude,
});

/** Cities where the networks below have addresses (ISO 3166-1 alpha-2 country codes). */
export const PLACES: Record<string, readonly Place[]> = {
  US: [
    P('US', 'Ashburn', 39.0438, -77.4874),
    P('US', 'San Francisco', 37.7749, -122.4194),
    P('US', 'New York', 40.7128, -74.006),
    P('US', 'Dallas', 32.7767, -96.797),
    P('US', 'Santa Clara', 37.3541, -121.9552),
    P('US', 'Mountain View', 37.3861, -122.0839),
  ],
  DE: [
    P('DE', 'Frankfurt am Main', 50.1109, 8.6821),
    P('DE', 'Nuremberg', 49.4521, 11.0767),
    P('DE', 'Falkenstein', 50.4779, 12.3713),
  ],
  NL: [P('NL', 'Amsterdam', 52.3676, 4.9041)],
  FR: [
    P('FR', 'Roubaix', 50.6942, 3.1746),
    P('FR', 'Gravelines', 50.9865, 2.1283),
    P('FR', 'Paris', 48.8566, 2.3522),
  ],
  GB: [P('GB', 'London', 51.5072, -0.1276)],
  FI: [P('FI', 'Helsinki', 60.1699, 24.9384)],
  SG: [P('SG', 'Singapore', 1.3521, 103.8198)],
  CN: [
    P('CN', 'Beijing', 39.9042, 116.4074),
    P('CN', 'Shanghai', 31.2304, 121.4737),
    P('CN', 'Guangzhou', 23.1291, 113.2644),
    P('CN', 'Shenzhen', 22.5431, 114.0579),
  ],
  KR: [P('KR', 'Seoul', 37.5665, 126.978)],
  IN: [P('IN', 'Mumbai', 19.076, 72.8777), P('IN', 'Bengaluru', 12.9716, 77.5946)],
  BR: [P('BR', 'São Paulo', -23.5505, -46.6333)],
  RU: [P('RU', 'Moscow', 55.7558, 37.6173)],
  JP: [P('JP', 'Tokyo', 35.6762, 139.6503)],
  RO: [P('RO', 'Bucharest', 44.4268, 26.1025)],
};

/** A network: its AS number and name, IPv4 /16 prefixes, an IPv6 prefix, countries, rDNS style. */
export interface Network {
  asNumber: number;
  asName: string;
  v4: readonly string[];
  v6: string | null;
  countries: readonly string[];
  /** rDNS name for an IPv4 address split into octets; null when the network publishes none. */
  rdns: ((o: readonly number[]) => string) | null;
}

export const ATTACKER_NETWORKS: readonly Network[] = [
  {
    asNumber: 14061,
    asName: 'DIGITALOCEAN-ASN',
    v4: ['159.203', '167.99', '64.227', '138.68'],
    v6: '2604:a880',
    countries: ['US', 'DE', 'NL', 'SG', 'GB'],
    rdns: null,
  },
  {
    asNumber: 16509,
    asName: 'AMAZON-02',
    v4: ['3.120', '18.204', '52.90', '54.36'],
    v6: '2600:1f18',
    countries: ['US', 'DE', 'JP', 'SG'],
    rdns: (o) => `ec2-${o.join('-')}.compute-1.amazonaws.com`,
  },
  {
    asNumber: 396982,
    asName: 'GOOGLE-CLOUD-PLATFORM',
    v4: ['34.86', '35.203'],
    v6: null,
    countries: ['US', 'NL'],
    rdns: (o) => `${[...o].reverse().join('.')}.bc.googleusercontent.com`,
  },
  {
    asNumber: 16276,
    asName: 'OVH SAS',
    v4: ['51.75', '54.38', '145.239'],
    v6: '2001:41d0',
    countries: ['FR'],
    rdns: (o) => `ip${o[3]}.ip-${o.slice(0, 3).join('-')}.eu`,
  },
  {
    asNumber: 24940,
    asName: 'Hetzner Online GmbH',
    v4: ['88.99', '95.216', '116.202'],
    v6: '2a01:4f8',
    countries: ['DE', 'FI'],
    rdns: (o) => `static.${[...o].reverse().join('.')}.clients.your-server.de`,
  },
  {
    asNumber: 4134,
    asName: 'CHINANET-BACKBONE',
    v4: ['61.160', '114.96', '222.186'],
    v6: null,
    countries: ['CN'],
    rdns: null,
  },
  {
    asNumber: 4837,
    asName: 'CHINA UNICOM China169 Backbone',
    v4: ['112.224', '123.14'],
    v6: null,
    countries: ['CN'],
    rdns: null,
  },
  {
    asNumber: 45090,
    asName: 'Shenzhen Tencent Computer Systems Company Limited',
    v4: ['43.135', '150.109'],
    v6: null,
    countries: ['CN', 'SG'],
    rdns: null,
  },
  {
    asNumber: 51167,
    asName: 'Contabo GmbH',
    v4: ['161.97', '213.136'],
    v6: '2a02:c207',
    countries: ['DE'],
    rdns: (o) => `vmi${o[2]! * 256 + o[3]!}.contaboserver.net`,
  },
  {
    asNumber: 9009,
    asName: 'M247 Europe SRL',
    v4: ['146.70', '185.206'],
    v6: null,
    countries: ['RO', 'GB', 'NL'],
    rdns: null,
  },
  {
    asNumber: 4766,
    asName: 'Korea Telecom',
    v4: ['121.128', '175.198'],
    v6: null,
    countries: ['KR'],
    rdns: null,
  },
  {
    asNumber: 9829,
    asName: 'National Internet Backbone',
    v4: ['117.196', '59.88'],
    v6: null,
    countries: ['IN'],
    rdns: null,
  },
  {
    asNumber: 28573,
    asName: 'Claro NXT Telecomunicacoes Ltda',
    v4: ['177.37', '189.6'],
    v6: null,
    countries: ['BR'],
    rdns: (o) => `${o.join('-')}.user3p.veloxzone.com.br`,
  },
  {
    asNumber: 12389,
    asName: 'Rostelecom',
    v4: ['95.31', '178.176'],
    v6: null,
    countries: ['RU'],
    rdns: null,
  },
  {
    asNumber: 63949,
    asName: 'Akamai Connected Cloud',
    v4: ['172.104', '45.79'],
    v6: '2600:3c00',
    countries: ['US', 'JP', 'DE'],
    rdns: (o) => `${o[0]}-${o[1]}-${o[2]}-${o[3]}.ip.linodeusercontent.com`,
  },
];

/** Known-safe sources: what a false positive looks like, with the network it comes from. */
export const SAFE_SOURCES: readonly {
  name: string;
  label: string;
  description: string;
  network: Network;
  place: Place;
}[] = [
  {
    name: 'seo:googlebot',
    label: 'Googlebot',
    description: 'IP is a Google search crawler (Googlebot) and should not be flagged as a threat.',
    network: {
      asNumber: 15169,
      asName: 'GOOGLE',
      v4: ['66.249'],
      v6: null,
      countries: ['US'],
      rdns: (o) => `crawl-${o.join('-')}.googlebot.com`,
    },
    place: P('US', 'Mountain View', 37.3861, -122.0839),
  },
  {
    name: 'seo:bingbot',
    label: 'Bingbot',
    description: 'IP is a Microsoft Bing crawler (Bingbot) and should not be flagged as a threat.',
    network: {
      asNumber: 8075,
      asName: 'MICROSOFT-CORP-MSN-AS-BLOCK',
      v4: ['157.55', '40.77'],
      v6: null,
      countries: ['US'],
      rdns: (o) => `msnbot-${o.join('-')}.search.msn.com`,
    },
    place: P('US', 'Ashburn', 39.0438, -77.4874),
  },
  {
    name: 'cdn:cloudflare_exit_node',
    label: 'Cloudflare',
    description: 'IP is a Cloudflare CDN exit IP and should not be flagged as a threat.',
    network: {
      asNumber: 13335,
      asName: 'CLOUDFLARENET',
      v4: ['104.28', '172.70', '162.158'],
      v6: null,
      countries: ['US'],
      rdns: null,
    },
    place: P('US', 'San Francisco', 37.7749, -122.4194),
  },
  {
    name: 'cdn:fastly_exit_node',
    label: 'Fastly',
    description: 'IP is a Fastly CDN exit IP and should not be flagged as a threat.',
    network: {
      asNumber: 54113,
      asName: 'FASTLY',
      v4: ['151.101', '146.75'],
      v6: null,
      countries: ['US'],
      rdns: null,
    },
    place: P('US', 'San Francisco', 37.7749, -122.4194),
  },
  {
    name: 'monitoring:uptimerobot',
    label: 'UptimeRobot',
    description: 'IP is an UptimeRobot monitoring probe and should not be flagged as a threat.',
    network: {
      asNumber: 63949,
      asName: 'Akamai Connected Cloud',
      v4: ['69.162', '216.144'],
      v6: null,
      countries: ['US'],
      rdns: null,
    },
    place: P('US', 'Dallas', 32.7767, -96.797),
  },
];
