import { mulberry32 } from "@/lib/random";
import { hash32 } from "../random";

/** Driver names and nationalities as they appear on real leaderboards: mostly Latin, with every awkward case. */

export interface Country {
  name: string;
  code: string;
}

const COUNTRIES: Record<string, string> = {
  DE: "Germany", GB: "United Kingdom", NL: "Netherlands", IT: "Italy", FR: "France", US: "United States",
  BE: "Belgium", AU: "Australia", BR: "Brazil", ES: "Spain", FI: "Finland", SE: "Sweden", AT: "Austria",
  CH: "Switzerland", CA: "Canada", DK: "Denmark", NO: "Norway", PL: "Poland", PT: "Portugal", IE: "Ireland",
  CZ: "Czech Republic", HU: "Hungary", AR: "Argentina", NZ: "New Zealand", RU: "Russia", UA: "Ukraine",
  BG: "Bulgaria", JP: "Japan", CN: "China", TW: "Taiwan", AE: "United Arab Emirates", SA: "Saudi Arabia",
  EG: "Egypt", MA: "Morocco",
};

const LATIN_FIRST = [
  "Max", "Lukas", "Jonas", "Tim", "Jan", "Daniel", "Thomas", "Michael", "Stefan", "Sebastian", "Tom", "James",
  "Oliver", "Harry", "Jack", "George", "Charlie", "Lewis", "Ryan", "Sam", "Luca", "Marco", "Matteo", "Andrea",
  "Davide", "Alessandro", "Pierre", "Nicolas", "Julien", "Hugo", "Mark", "Kevin", "Jason", "Chris", "Brandon",
  "Tyler", "Pieter", "Daan", "Sander", "Bas", "Ruben", "Niels", "Lars", "Mikko", "Jari", "Emil", "Oscar",
  "Victor", "Felipe", "Rafael", "Bruno", "Gabriel", "Pablo", "Diego", "Carlos", "Miguel", "Mateus", "Liam",
  "Noah", "Ethan", "Mason", "Aiden", "Connor", "Dylan", "Patrick", "Sean", "Kieran", "Alex", "Robin", "Kai",
  "Finn", "Leon", "Paul", "Felix", "Simon", "David", "Anna", "Laura", "Sophie", "Emma", "Julia", "Sarah",
];

const LATIN_LAST = [
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch",
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans", "Thomas", "Roberts",
  "Walker", "Wright", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke",
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
  "Martin", "Bernard", "Dubois", "Laurent", "Simon", "Michel", "Leroy", "Moreau", "de Jong", "Jansen",
  "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
  "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Jackson", "Moore", "Lee", "Perez",
  "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Virtanen", "Korhonen", "Nieminen", "Lindberg",
  "Johansson", "Karlsson", "Nilsson", "Peeters", "Maes", "Jacobs", "Mertens", "Walsh", "Byrne", "Murphy",
  "Kelly", "Novak", "Horvath", "Nagy", "Kovacs", "Fernandez", "Lopez", "Gonzalez", "Sanchez", "Mustermann",
];

const LATIN_COUNTRIES = [
  "DE", "DE", "DE", "DE", "GB", "GB", "GB", "NL", "NL", "IT", "IT", "US", "US", "FR", "BE", "AU", "BR", "ES",
  "FI", "SE", "AT", "CH", "CA", "IE", "PT", "HU", "AR", "NZ",
];

/** Names with diacritics, by the country they usually come from. */
const ACCENTED: Array<{ code: string; first: string[]; last: string[] }> = [
  { code: "PL", first: ["Łukasz", "Michał", "Paweł", "Wojciech", "Bartłomiej", "Zofia"], last: ["Wiśniewski", "Wróbel", "Łukaszewicz", "Kozłowski", "Dąbrowski", "Żak"] },
  { code: "DE", first: ["Jürgen", "Björn", "Jörg", "Günther", "Sören", "Dörte"], last: ["Weiß", "Groß", "Strauß", "Schröder", "Köhler", "Müßig"] },
  { code: "NO", first: ["Øyvind", "Bjørn", "Søren", "Åsmund", "Ståle", "Ødegaard"], last: ["Ødegård", "Sørensen", "Løvås", "Bjørnstad", "Hæstad", "Grønli"] },
  { code: "DK", first: ["Søren", "Jørgen", "Mads", "Bjørk", "Æsa"], last: ["Sørensen", "Kjær", "Møller", "Højgaard", "Læssøe"] },
  { code: "FR", first: ["Rémi", "Jérôme", "Hélène", "Théo", "Loïc", "François", "Gaëtan"], last: ["Lefèvre", "Girard", "Béranger", "Mézières", "Garçon", "Fontaine-Chérie"] },
  { code: "ES", first: ["José", "Iñaki", "Begoña", "Íñigo", "Álvaro", "Nuño"], last: ["Núñez", "Ibáñez", "Muñoz", "Peña", "Gómez", "Martínez"] },
  { code: "SE", first: ["Åke", "Björn", "Göran", "Håkan", "Märta"], last: ["Åkesson", "Öberg", "Ström", "Sjögren", "Lindqvist"] },
  { code: "CZ", first: ["Jiří", "Tomáš", "Lukáš", "Šimon", "Radek"], last: ["Dvořák", "Novotný", "Černý", "Procházka", "Kučera"] },
  { code: "PT", first: ["João", "Gonçalo", "Inês", "Sebastião"], last: ["Gonçalves", "Simões", "Brandão", "Conceição"] },
];

const CYRILLIC = {
  codes: ["RU", "RU", "UA", "BG"],
  first: ["Алексей", "Дмитрий", "Сергей", "Иван", "Никита", "Андрій", "Олександр", "Георги", "Мария"],
  last: ["Смирнов", "Иванов", "Кузнецов", "Попов", "Соколов", "Шевченко", "Коваленко", "Петров", "Волков"],
};

const JAPANESE = {
  family: ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤"],
  given: ["健", "翔太", "大輔", "拓也", "蓮", "陽斗", "さくら", "ゆうき", "たかし", "ハルト"],
};

const CHINESE = {
  codes: ["CN", "CN", "TW"],
  family: ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"],
  given: ["伟", "芳", "娜", "强", "磊", "洋", "勇", "军", "杰", "志明"],
};

const ARABIC = {
  codes: ["AE", "SA", "EG", "MA"],
  first: ["محمد", "أحمد", "علي", "عمر", "خالد", "يوسف", "فاطمة"],
  last: ["العلي", "الحسن", "المنصوري", "الشامسي", "القاسم", "النجار"],
};

const EMOJI = ["🏎️", "🏁", "🔥", "🚀", "⚡", "🐐", "😎", "🇩🇪", "💨"];

const TAG_WORDS = ["Apex", "Drift", "Turbo", "Slick", "Late", "Braker", "Ghost", "Sector", "Pit", "Slip", "Stream", "Kerb", "Hunter", "Rider", "Wolf", "Pilot"];

/** Markup-looking names: a page that renders them as HTML is broken. */
const MARKUP = [
  "<script>alert(1)</script>",
  `O'Brien & "Sons"`,
  "<b>Bold</b> Racer",
  "Tom & Jerry's <Team>",
  `"><img src=x onerror=alert(1)>`,
  "Rock 'n' Roll &amp; Racing",
];

/**
 * Fixed identities for some of the most active drivers, so even a small world shows every case.
 * "Max Mustermann" is three different drivers.
 */
const SHOWCASE = new Map<number, [string, string]>([
  [1, ["<script>alert(1)</script>", "GB"]],
  [2, [`O'Brien & "Sons"`, "IE"]],
  [3, ["Zoë Ødegaard", "NO"]],
  [4, ["Max Mustermann", "DE"]],
  [6, ["Łukasz Weißmüller", "PL"]],
  [7, ["Алексей Смирнов", "RU"]],
  [9, ["Max Mustermann", "DE"]],
  [10, ["佐藤 健", "JP"]],
  [11, ["王伟", "CN"]],
  [12, ["محمد العلي", "AE"]],
  [14, ["🏁 Turbo Tom 🏎️", "US"]],
  [15, ["José Núñez", "ES"]],
  [17, ["Max Mustermann", "AT"]],
  [20, ["Jérôme Lefèvre", "FR"]],
]);

function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function country(code: string): Country {
  return { code, name: COUNTRIES[code] ?? code };
}

function latinName(random: () => number): string {
  const first = pick(LATIN_FIRST, random);
  const last = pick(LATIN_LAST, random);
  const style = random();
  if (style < 0.7) return `${first} ${last}`;
  if (style < 0.78) return `${first.charAt(0)}. ${last}`;
  if (style < 0.82) return `${first} ${last.toUpperCase()}`;
  const number = random() < 0.6 ? String(Math.floor(random() * 100)) : "";
  return random() < 0.5 ? `${pick(TAG_WORDS, random)}${pick(TAG_WORDS, random)}${number}` : `${first}${last.charAt(0)}${number}`;
}

/** The name and nationality of driver `index` in the world seeded with `seed`. */
export function driverIdentity(seed: number, index: number): { name: string; country: Country } {
  const showcase = SHOWCASE.get(index);
  if (showcase) return { name: showcase[0], country: country(showcase[1]) };
  const random = mulberry32(hash32(seed, index, 0x4e414d45));
  const roll = random();
  if (roll < 0.66) return { name: latinName(random), country: country(pick(LATIN_COUNTRIES, random)) };
  if (roll < 0.8) {
    const group = pick(ACCENTED, random);
    return { name: `${pick(group.first, random)} ${pick(group.last, random)}`, country: country(group.code) };
  }
  if (roll < 0.86) {
    return { name: `${pick(CYRILLIC.first, random)} ${pick(CYRILLIC.last, random)}`, country: country(pick(CYRILLIC.codes, random)) };
  }
  if (roll < 0.9) {
    const separator = random() < 0.5 ? " " : "";
    return { name: `${pick(JAPANESE.family, random)}${separator}${pick(JAPANESE.given, random)}`, country: country("JP") };
  }
  if (roll < 0.94) {
    return { name: `${pick(CHINESE.family, random)}${pick(CHINESE.given, random)}`, country: country(pick(CHINESE.codes, random)) };
  }
  if (roll < 0.97) {
    return { name: `${pick(ARABIC.first, random)} ${pick(ARABIC.last, random)}`, country: country(pick(ARABIC.codes, random)) };
  }
  if (roll < 0.995) {
    const name = latinName(random);
    const emoji = pick(EMOJI, random);
    return { name: random() < 0.5 ? `${emoji} ${name}` : `${name} ${emoji}`, country: country(pick(LATIN_COUNTRIES, random)) };
  }
  return { name: pick(MARKUP, random), country: country(pick(LATIN_COUNTRIES, random)) };
}

const TEAMS = [
  "Apex Predators", "Late Brakers Club", "Sim Racing Germany", "Team Redline", "Slipstream Esports",
  "Équipe Rapide", "Øresund Motorsport", "Fast & Furious <Racing>", "Team 🚀", "Kerb Hoppers", "Virtual Endurance",
  "Nordschleife Nerds", "Pitlane Heroes", "GT Academy Alumni", "Ласточка Racing", "レーシングチーム",
];

/** Three drivers in four race without a team. */
export function driverTeam(seed: number, index: number): string {
  const roll = hash32(seed, index, 0x7ea3) / 4294967296;
  return roll < 0.75 ? "" : pick(TEAMS, () => (roll - 0.75) / 0.25);
}
