// Hand-written content for the simulated world: real track and car names with plausible figures. The ids are the
// simulator's own; the shapes they are served in live in catalogue.ts.

export type TrackCategory = "road" | "oval" | "dirt_oval" | "dirt_road";
/** "road" is the category older series kept after iRacing split it into sports_car and formula_car. */
export type SeriesCategory = "oval" | "dirt_oval" | "dirt_road" | "road" | "sports_car" | "formula_car";

/** name, location, IANA zone, latitude, longitude, category, free with the subscription, configurations [name, miles, corners]. */
export type TrackRow = [string, string, string, number, number, TrackCategory, boolean, [string | null, number, number][]];

export const TRACKS: TrackRow[] = [
  ["Lime Rock Park", "Lakeville, Connecticut, USA", "America/New_York", 41.9282, -73.3839, "road", true, [["Full Course", 1.53, 7], ["Grand Prix", 1.53, 7], ["Chicanes", 1.54, 9]]],
  ["WeatherTech Raceway at Laguna Seca", "Monterey, California, USA", "America/Los_Angeles", 36.5842, -121.7535, "road", true, [["Full Course", 2.24, 11]]],
  ["Road America", "Elkhart Lake, Wisconsin, USA", "America/Chicago", 43.8004, -87.9895, "road", false, [["Full Course", 4.05, 14], ["Bend", 4.05, 14]]],
  ["Watkins Glen International", "Watkins Glen, New York, USA", "America/New_York", 42.3369, -76.9272, "road", false, [["Boot", 3.37, 11], ["Classic", 2.45, 8]]],
  ["Sebring International Raceway", "Sebring, Florida, USA", "America/New_York", 27.4502, -81.3548, "road", false, [["International", 3.74, 17], ["Modified", 3.65, 16]]],
  ["Daytona International Speedway", "Daytona Beach, Florida, USA", "America/New_York", 29.1852, -81.0705, "road", false, [["Road Course", 3.56, 12]]],
  ["Circuit de Spa-Francorchamps", "Stavelot, Belgium", "Europe/Brussels", 50.4372, 5.9714, "road", false, [["Grand Prix Pits", 4.35, 19], ["Endurance", 4.35, 19]]],
  ["Autodromo Nazionale Monza", "Monza, Italy", "Europe/Rome", 45.6156, 9.2811, "road", false, [["Grand Prix", 3.6, 11], ["Combined", 6.21, 13], ["Junior", 1.47, 8]]],
  ["Silverstone Circuit", "Silverstone, England", "Europe/London", 52.0786, -1.0169, "road", false, [["Grand Prix", 3.66, 18], ["National", 1.64, 6], ["International", 1.85, 10]]],
  ["Nürburgring Combined", "Nürburg, Germany", "Europe/Berlin", 50.3356, 6.9475, "road", false, [["Gesamtstrecke 24h", 15.77, 170], ["Nordschleife Industriefahrten", 12.8, 154]]],
  ["Suzuka International Racing Course", "Suzuka, Japan", "Asia/Tokyo", 34.8431, 136.5407, "road", false, [["Grand Prix", 3.61, 18], ["East", 1.4, 9]]],
  ["Mount Panorama Circuit", "Bathurst, Australia", "Australia/Sydney", -33.4472, 149.5541, "road", false, [[null, 3.86, 23]]],
  ["Autódromo José Carlos Pace", "São Paulo, Brazil", "America/Sao_Paulo", -23.7036, -46.6997, "road", false, [["Grand Prix", 2.68, 15]]],
  ["Red Bull Ring", "Spielberg, Austria", "Europe/Vienna", 47.2197, 14.7647, "road", false, [["Grand Prix", 2.69, 10], ["National", 1.46, 7]]],
  ["Okayama International Circuit", "Mimasaka, Japan", "Asia/Tokyo", 34.915, 134.2211, "road", true, [["Full Course", 2.3, 13], ["Short", 0.82, 6]]],
  ["Oulton Park Circuit", "Little Budworth, England", "Europe/London", 53.18, -2.6128, "road", true, [["International", 2.69, 17], ["Fosters", 1.66, 10]]],
  ["Summit Point Raceway", "Summit Point, West Virginia, USA", "America/New_York", 39.2328, -77.9706, "road", true, [["Summit Point Raceway", 2.0, 10], ["Jefferson Circuit", 1.1, 9]]],
  ["Tsukuba Circuit", "Shimotsuma, Japan", "Asia/Tokyo", 36.1525, 139.9217, "road", true, [["2000 Full", 1.27, 10]]],
  ["Circuit de Lédenon", "Lédenon, France", "Europe/Paris", 43.9231, 4.5047, "road", false, [[null, 1.95, 13]]],
  ["Circuit des 24 Heures du Mans", "Le Mans, France", "Europe/Paris", 47.956, 0.2057, "road", false, [["24 Heures du Mans", 8.47, 38]]],
  ["Circuit de Barcelona Catalunya", "Montmeló, Spain", "Europe/Madrid", 41.57, 2.2611, "road", false, [["Grand Prix", 2.89, 14]]],
  ["Hungaroring", "Mogyoród, Hungary", "Europe/Budapest", 47.5789, 19.2486, "road", false, [[null, 2.72, 14]]],
  ["Autodromo Internazionale Enzo e Dino Ferrari", "Imola, Italy", "Europe/Rome", 44.3439, 11.7167, "road", false, [["Grand Prix", 3.05, 19]]],
  ["Daytona International Speedway", "Daytona Beach, Florida, USA", "America/New_York", 29.1852, -81.0705, "oval", false, [["Oval", 2.5, 4]]],
  ["Charlotte Motor Speedway", "Concord, North Carolina, USA", "America/New_York", 35.3525, -80.6828, "oval", true, [["Oval", 1.5, 4], ["Roval 2025", 2.28, 17]]],
  ["Talladega Superspeedway", "Lincoln, Alabama, USA", "America/Chicago", 33.5669, -86.0664, "oval", false, [[null, 2.66, 4]]],
  ["Bristol Motor Speedway", "Bristol, Tennessee, USA", "America/New_York", 36.5158, -82.2569, "oval", false, [["Oval", 0.53, 4]]],
  ["Martinsville Speedway", "Ridgeway, Virginia, USA", "America/New_York", 36.6342, -79.8517, "oval", false, [[null, 0.53, 4]]],
  ["Phoenix Raceway", "Avondale, Arizona, USA", "America/Phoenix", 33.3747, -112.3114, "oval", false, [["Oval", 1.0, 4]]],
  ["Oxford Plains Speedway", "Oxford, Maine, USA", "America/New_York", 44.1689, -70.4711, "oval", true, [[null, 0.38, 4]]],
  ["Indianapolis Motor Speedway", "Speedway, Indiana, USA", "America/Indiana/Indianapolis", 39.795, -86.2347, "oval", false, [["Oval", 2.5, 4]]],
  ["Homestead Miami Speedway", "Homestead, Florida, USA", "America/New_York", 25.4519, -80.4089, "oval", false, [["Oval", 1.5, 4]]],
  ["Eldora Speedway", "New Weston, Ohio, USA", "America/New_York", 40.3361, -84.6319, "dirt_oval", false, [[null, 0.5, 4]]],
  ["Williams Grove Speedway", "Mechanicsburg, Pennsylvania, USA", "America/New_York", 40.1528, -77.0261, "dirt_oval", false, [[null, 0.5, 4]]],
  ["Volusia Speedway Park", "Barberville, Florida, USA", "America/New_York", 29.1797, -81.3847, "dirt_oval", false, [[null, 0.5, 4]]],
  ["Knoxville Raceway", "Knoxville, Iowa, USA", "America/Chicago", 41.3186, -93.1094, "dirt_oval", false, [[null, 0.5, 4]]],
  ["Lanier National Speedway", "Braselton, Georgia, USA", "America/New_York", 34.1383, -83.8186, "dirt_oval", true, [["Dirt", 0.38, 4]]],
  ["Wild Horse Pass Motorsports Park", "Chandler, Arizona, USA", "America/Phoenix", 33.2658, -111.9961, "dirt_road", false, [["Rallycross", 0.84, 11]]],
  ["Lucas Oil Indianapolis Raceway Park", "Brownsburg, Indiana, USA", "America/Indiana/Indianapolis", 39.8136, -86.3419, "dirt_road", false, [["Off Road Short", 0.65, 8]]],
  ["Crandon International Off-Road Raceway", "Crandon, Wisconsin, USA", "America/Chicago", 45.5636, -88.8969, "dirt_road", false, [["Full", 1.5, 12], ["Short", 0.9, 8]]],
  ["Lånkebanen", "Hell, Norway", "Europe/Oslo", 63.4458, 10.9244, "dirt_road", false, [["Rallycross Long", 0.75, 10]]],
];

/** name, abbreviation, make, model, series category, class key, hp, weight (lb), free, car types. */
export type CarRow = [string, string, string, string, SeriesCategory, string, number, number, boolean, string[]];

export const CARS: CarRow[] = [
  ["Global Mazda MX-5 Cup", "MX5", "Mazda", "MX-5 Cup", "sports_car", "mx5", 155, 2325, true, ["road", "mx5"]],
  ["Toyota GR86", "GR86", "Toyota", "GR86", "sports_car", "gr86", 228, 2811, true, ["road", "gr86"]],
  ["Porsche 911 GT3 Cup (992)", "P992", "Porsche", "911 GT3 Cup", "sports_car", "cup", 503, 2778, false, ["road", "porsche"]],
  ["BMW M4 GT3", "M4GT3", "BMW", "M4 GT3", "sports_car", "gt3", 590, 2866, false, ["road", "gt3"]],
  ["Mercedes-AMG GT3 2020", "AMGGT3", "Mercedes-AMG", "GT3 2020", "sports_car", "gt3", 550, 2888, false, ["road", "gt3"]],
  ["Ferrari 296 GT3", "F296", "Ferrari", "296 GT3", "sports_car", "gt3", 600, 2733, false, ["road", "gt3"]],
  ["Porsche 911 GT3 R (992)", "P992R", "Porsche", "911 GT3 R", "sports_car", "gt3", 565, 2777, false, ["road", "gt3"]],
  ["Audi R8 LMS EVO II GT3", "R8GT3", "Audi", "R8 LMS EVO II", "sports_car", "gt3", 585, 2733, false, ["road", "gt3"]],
  ["McLaren 720S GT3 EVO", "720S", "McLaren", "720S GT3 EVO", "sports_car", "gt3", 560, 2767, false, ["road", "gt3"]],
  ["Lamborghini Huracán GT3 EVO", "HURGT3", "Lamborghini", "Huracán GT3 EVO", "sports_car", "gt3", 585, 2745, false, ["road", "gt3"]],
  ["Ford Mustang GT3", "MUSGT3", "Ford", "Mustang GT3", "sports_car", "gt3", 580, 2888, false, ["road", "gt3"]],
  ["BMW M4 G82 GT4", "M4GT4", "BMW", "M4 GT4", "sports_car", "gt4", 470, 3142, false, ["road", "gt4"]],
  ["Porsche 718 Cayman GT4 Clubsport MR", "CAYGT4", "Porsche", "718 Cayman GT4", "sports_car", "gt4", 425, 2977, false, ["road", "gt4"]],
  ["Mercedes-AMG GT4", "AMGGT4", "Mercedes-AMG", "GT4", "sports_car", "gt4", 450, 3153, false, ["road", "gt4"]],
  ["Aston Martin Vantage GT4", "AMVGT4", "Aston Martin", "Vantage GT4", "sports_car", "gt4", 475, 3164, false, ["road", "gt4"]],
  ["BMW M Hybrid V8", "BMWLMDH", "BMW", "M Hybrid V8", "sports_car", "gtp", 670, 2270, false, ["road", "gtp", "prototype"]],
  ["Porsche 963 GTP", "P963", "Porsche", "963", "sports_car", "gtp", 670, 2270, false, ["road", "gtp", "prototype"]],
  ["Cadillac V-Series.R GTP", "CADGTP", "Cadillac", "V-Series.R", "sports_car", "gtp", 670, 2270, false, ["road", "gtp", "prototype"]],
  ["Acura ARX-06 GTP", "ARX06", "Acura", "ARX-06", "sports_car", "gtp", 670, 2270, false, ["road", "gtp", "prototype"]],
  ["Ferrari 499P", "F499P", "Ferrari", "499P", "sports_car", "gtp", 670, 2270, false, ["road", "gtp", "prototype"]],
  ["Dallara P217", "P217", "Dallara", "P217 LMP2", "sports_car", "lmp2", 600, 2050, false, ["road", "lmp2", "prototype"]],
  ["Ligier JS P320", "JSP320", "Ligier", "JS P320", "sports_car", "lmp3", 470, 2090, false, ["road", "lmp3", "prototype"]],
  ["Skip Barber Formula 2000", "SBRS", "Skip Barber", "Formula 2000", "formula_car", "skippy", 132, 1250, false, ["openwheel", "road"]],
  ["Ray FF1600", "FF1600", "Ray", "FF1600", "formula_car", "ff1600", 115, 1080, true, ["openwheel", "road"]],
  ["Formula Vee", "FVEE", "Formula Vee", "Formula Vee", "formula_car", "vee", 60, 1025, true, ["openwheel", "road"]],
  ["FIA F4", "F4", "Tatuus", "F4-T421", "formula_car", "f4", 160, 1257, true, ["openwheel", "road", "f4"]],
  ["Dallara F3", "F3", "Dallara", "F3", "formula_car", "f3", 240, 1268, false, ["openwheel", "road", "f3"]],
  ["Super Formula SF23", "SF23", "Dallara", "SF23", "formula_car", "sf23", 550, 1499, false, ["openwheel", "road"]],
  ["Dallara IR18", "IR18", "Dallara", "IR18", "formula_car", "ir18", 700, 1655, false, ["openwheel", "road", "oval", "indycar"]],
  ["Mercedes-AMG W13 E Performance", "W13", "Mercedes-AMG", "W13", "formula_car", "f1", 1000, 1759, false, ["openwheel", "road", "f1"]],
  ["NASCAR Cup Series Next Gen Chevrolet Camaro ZL1", "CUPCHEV", "Chevrolet", "Camaro ZL1", "oval", "cup_nextgen", 670, 3400, false, ["oval", "nascar", "cup"]],
  ["NASCAR Cup Series Next Gen Ford Mustang", "CUPFORD", "Ford", "Mustang", "oval", "cup_nextgen", 670, 3400, false, ["oval", "nascar", "cup"]],
  ["NASCAR Cup Series Next Gen Toyota Camry", "CUPTOY", "Toyota", "Camry", "oval", "cup_nextgen", 670, 3400, false, ["oval", "nascar", "cup"]],
  ["NASCAR Xfinity Chevrolet Camaro", "XFCHEV", "Chevrolet", "Camaro", "oval", "xfinity", 650, 3200, false, ["oval", "nascar", "xfinity"]],
  ["NASCAR Xfinity Ford Mustang", "XFFORD", "Ford", "Mustang", "oval", "xfinity", 650, 3200, false, ["oval", "nascar", "xfinity"]],
  ["NASCAR Xfinity Toyota Supra", "XFTOY", "Toyota", "Supra", "oval", "xfinity", 650, 3200, false, ["oval", "nascar", "xfinity"]],
  ["NASCAR Truck Chevrolet Silverado", "TRKCHEV", "Chevrolet", "Silverado", "oval", "trucks", 650, 3400, false, ["oval", "nascar", "truck"]],
  ["NASCAR Truck Ford F150", "TRKFORD", "Ford", "F150", "oval", "trucks", 650, 3400, false, ["oval", "nascar", "truck"]],
  ["NASCAR Truck Toyota Tundra TRD Pro", "TRKTOY", "Toyota", "Tundra", "oval", "trucks", 650, 3400, false, ["oval", "nascar", "truck"]],
  ["Late Model Stock", "LMSC", "Chevrolet", "Late Model Stock", "oval", "late_model", 420, 3300, false, ["oval", "late model"]],
  ["Modified - SK", "SK", "Modified", "SK", "oval", "sk_mod", 370, 2600, false, ["oval", "mod"]],
  ["Legends Ford '34 Coupe", "LEG34", "Legends", "Ford '34 Coupe", "oval", "legends", 125, 1300, true, ["oval", "legends"]],
  ["Street Stock", "SSTOCK", "Chevrolet", "Monte Carlo", "oval", "street_stock", 350, 3200, true, ["oval", "street stock"]],
  ["ARCA Menards Chevrolet Impala", "ARCA", "Chevrolet", "Impala", "oval", "arca", 700, 3400, false, ["oval", "arca"]],
  ["Dirt Sprint Car - 410", "SPR410", "Sprint Car", "410", "dirt_oval", "sprint410", 900, 1400, false, ["dirt", "oval", "sprint car"]],
  ["Dirt Sprint Car - 360", "SPR360", "Sprint Car", "360", "dirt_oval", "sprint360", 700, 1400, false, ["dirt", "oval", "sprint car"]],
  ["Dirt Late Model - Super", "DLMSUP", "Dirt Late Model", "Super", "dirt_oval", "dlm_super", 850, 2350, false, ["dirt", "oval", "late model"]],
  ["Dirt Late Model - Pro", "DLMPRO", "Dirt Late Model", "Pro", "dirt_oval", "dlm_pro", 600, 2300, false, ["dirt", "oval", "late model"]],
  ["Dirt Street Stock", "DSS", "Chevrolet", "Dirt Street Stock", "dirt_oval", "dirt_street_stock", 380, 3200, true, ["dirt", "oval", "street stock"]],
  ["Dirt Midget", "MIDGET", "Midget", "Dirt Midget", "dirt_oval", "midget", 350, 900, false, ["dirt", "oval", "midget"]],
  ["Dirt UMP Modified", "UMP", "UMP", "Modified", "dirt_oval", "ump", 550, 2400, true, ["dirt", "oval", "mod"]],
  ["Ford Fiesta RS WRC", "FIESTA", "Ford", "Fiesta RS WRC", "dirt_road", "rallycross", 380, 2646, false, ["dirt", "road", "rallycross"]],
  ["VW Beetle GRC Lite", "BEETLE", "Volkswagen", "Beetle GRC Lite", "dirt_road", "grc_lite", 310, 2400, false, ["dirt", "road", "rallycross"]],
  ["Pro 2 Lite Off-Road Truck", "PRO2L", "Pro 2", "Lite", "dirt_road", "pro2_lite", 270, 2000, false, ["dirt", "road", "truck"]],
  ["Pro 4 Off-Road Truck", "PRO4", "Pro 4", "Truck", "dirt_road", "pro4", 900, 4000, false, ["dirt", "road", "truck"]],
];

/** Classes with several cars (and balance of performance between them): key, id, name, short name, relative speed. */
export const MULTI_CAR_CLASSES: [string, number, string, string, number][] = [
  ["gt3", 2708, "GT3 Class", "GT3 Class", 52],
  ["gt4", 4048, "GT4 Class", "GT4 Class", 45],
  ["gtp", 4029, "GTP", "GTP", 179],
  ["cup_nextgen", 4011, "NASCAR Cup Series", "Cup", 60],
  ["xfinity", 3104, "NASCAR Xfinity Series", "Xfinity", 58],
  ["trucks", 3105, "NASCAR Truck Series", "Trucks", 56],
];

/**
 * What series are made of: name, category, class keys (or a rotation of car class keys, one car a week), licence
 * group, fixed setup, official, cadence, race minutes (negative: laps), track category.
 */
export type SeriesRow = {
  name: string;
  category: SeriesCategory;
  classes: string[];
  rotation?: boolean;
  licence: number;
  fixed: boolean;
  official: boolean;
  cadence: "every2h" | "every30" | "hourly" | "every3h" | "weekend" | "evenings" | "endurance" | "special" | "week13";
  minute: number;
  race: number;
  tracks: TrackCategory;
  /** Special events run at one venue (a track name). */
  venue?: string;
};

export const SERIES_TEMPLATES: SeriesRow[] = [
  { name: "Global Mazda MX-5 Cup", category: "sports_car", classes: ["mx5"], licence: 1, fixed: true, official: true, cadence: "every30", minute: 15, race: 20, tracks: "road" },
  { name: "Toyota GR86 Cup", category: "sports_car", classes: ["gr86"], licence: 1, fixed: true, official: true, cadence: "every2h", minute: 45, race: 25, tracks: "road" },
  { name: "GT Sprint Series", category: "sports_car", classes: ["gt3"], licence: 3, fixed: false, official: true, cadence: "every2h", minute: 15, race: 40, tracks: "road" },
  { name: "IMSA Sportscar Series", category: "sports_car", classes: ["gtp", "lmp2", "gt3"], licence: 4, fixed: false, official: true, cadence: "every2h", minute: 45, race: 45, tracks: "road" },
  { name: "GT4 Falken Tyre Challenge", category: "sports_car", classes: ["gt4"], licence: 2, fixed: true, official: true, cadence: "hourly", minute: 30, race: 30, tracks: "road" },
  { name: "Porsche Cup", category: "sports_car", classes: ["cup"], licence: 3, fixed: true, official: true, cadence: "every2h", minute: 0, race: 30, tracks: "road" },
  { name: "Endurance Series", category: "sports_car", classes: ["gtp", "gt3"], licence: 3, fixed: false, official: true, cadence: "endurance", minute: 0, race: 360, tracks: "road" },
  { name: "Prototype Challenge", category: "sports_car", classes: ["lmp3"], licence: 2, fixed: true, official: true, cadence: "every3h", minute: 30, race: 35, tracks: "road" },
  { name: "Ring Meister", category: "road", classes: ["mx5", "gr86", "gt4", "cup", "gt3"], rotation: true, licence: 2, fixed: false, official: false, cadence: "hourly", minute: 0, race: -1, tracks: "road" },
  { name: "Skip Barber Race Series", category: "formula_car", classes: ["skippy"], licence: 2, fixed: true, official: true, cadence: "every2h", minute: 15, race: 25, tracks: "road" },
  { name: "Formula 1600 Rookie Thrusters", category: "formula_car", classes: ["ff1600"], licence: 1, fixed: true, official: true, cadence: "every30", minute: 0, race: 15, tracks: "road" },
  { name: "Formula Vee", category: "formula_car", classes: ["vee"], licence: 1, fixed: true, official: false, cadence: "hourly", minute: 45, race: 15, tracks: "road" },
  { name: "FIA F4 Championship", category: "formula_car", classes: ["f4"], licence: 2, fixed: true, official: true, cadence: "every30", minute: 0, race: 20, tracks: "road" },
  { name: "Dallara Formula iR", category: "formula_car", classes: ["f3"], licence: 3, fixed: false, official: true, cadence: "every2h", minute: 45, race: 30, tracks: "road" },
  { name: "Super Formula Lights", category: "formula_car", classes: ["sf23"], licence: 4, fixed: false, official: true, cadence: "every2h", minute: 15, race: 35, tracks: "road" },
  { name: "Grand Prix Legends", category: "formula_car", classes: ["f1"], licence: 5, fixed: false, official: true, cadence: "evenings", minute: 0, race: 45, tracks: "road" },
  { name: "Open Wheel Rotation", category: "formula_car", classes: ["vee", "ff1600", "skippy", "f4", "f3"], rotation: true, licence: 2, fixed: true, official: false, cadence: "every3h", minute: 0, race: 20, tracks: "road" },
  { name: "NASCAR Cup Series", category: "oval", classes: ["cup_nextgen"], licence: 5, fixed: false, official: true, cadence: "weekend", minute: 0, race: -200, tracks: "oval" },
  { name: "NASCAR Xfinity Series", category: "oval", classes: ["xfinity"], licence: 4, fixed: false, official: true, cadence: "every2h", minute: 30, race: -60, tracks: "oval" },
  { name: "NASCAR Truck Series", category: "oval", classes: ["trucks"], licence: 3, fixed: false, official: true, cadence: "every2h", minute: 0, race: -50, tracks: "oval" },
  { name: "Late Model Tour", category: "oval", classes: ["late_model"], licence: 2, fixed: false, official: true, cadence: "hourly", minute: 15, race: -40, tracks: "oval" },
  { name: "SK Modified Weekly", category: "oval", classes: ["sk_mod"], licence: 2, fixed: true, official: true, cadence: "every2h", minute: 45, race: -50, tracks: "oval" },
  { name: "Rookie Legends Cup", category: "oval", classes: ["legends"], licence: 1, fixed: true, official: true, cadence: "every30", minute: 15, race: -25, tracks: "oval" },
  { name: "Street Stock Series", category: "oval", classes: ["street_stock"], licence: 1, fixed: true, official: true, cadence: "hourly", minute: 30, race: -30, tracks: "oval" },
  { name: "IndyCar Oval Series", category: "oval", classes: ["ir18"], licence: 4, fixed: false, official: true, cadence: "every2h", minute: 15, race: -80, tracks: "oval" },
  { name: "ARCA Menards Series", category: "oval", classes: ["arca"], licence: 3, fixed: true, official: true, cadence: "every2h", minute: 0, race: -60, tracks: "oval" },
  { name: "World of Outlaws Sprint Cars", category: "dirt_oval", classes: ["sprint410"], licence: 4, fixed: false, official: true, cadence: "every2h", minute: 30, race: -30, tracks: "dirt_oval" },
  { name: "DIRTcar 360 Sprint Car Series", category: "dirt_oval", classes: ["sprint360"], licence: 2, fixed: true, official: true, cadence: "hourly", minute: 0, race: -25, tracks: "dirt_oval" },
  { name: "Super Late Model Series", category: "dirt_oval", classes: ["dlm_super"], licence: 4, fixed: false, official: true, cadence: "every2h", minute: 45, race: -40, tracks: "dirt_oval" },
  { name: "Pro Late Model Series", category: "dirt_oval", classes: ["dlm_pro"], licence: 3, fixed: true, official: true, cadence: "every2h", minute: 15, race: -30, tracks: "dirt_oval" },
  { name: "Dirt Street Stock Rookie Series", category: "dirt_oval", classes: ["dirt_street_stock"], licence: 1, fixed: true, official: true, cadence: "every30", minute: 0, race: -20, tracks: "dirt_oval" },
  { name: "Dirt Midget Cup", category: "dirt_oval", classes: ["midget"], licence: 2, fixed: true, official: false, cadence: "hourly", minute: 45, race: -25, tracks: "dirt_oval" },
  { name: "UMP Modified Series", category: "dirt_oval", classes: ["ump"], licence: 1, fixed: true, official: true, cadence: "every2h", minute: 30, race: -25, tracks: "dirt_oval" },
  { name: "Rallycross Series", category: "dirt_road", classes: ["rallycross"], licence: 3, fixed: false, official: true, cadence: "every2h", minute: 15, race: -8, tracks: "dirt_road" },
  { name: "GRC Lites Series", category: "dirt_road", classes: ["grc_lite"], licence: 2, fixed: true, official: true, cadence: "hourly", minute: 0, race: -8, tracks: "dirt_road" },
  { name: "Off Road Racing Series", category: "dirt_road", classes: ["pro2_lite", "pro4"], licence: 2, fixed: false, official: true, cadence: "every3h", minute: 45, race: -10, tracks: "dirt_road" },
  { name: "Daytona 24", category: "sports_car", classes: ["gtp", "lmp2", "gt3"], licence: 4, fixed: false, official: true, cadence: "special", minute: 0, race: 1440, tracks: "road", venue: "Daytona International Speedway" },
  { name: "Bathurst 12 Hour", category: "sports_car", classes: ["gt3", "gt4"], licence: 3, fixed: false, official: true, cadence: "special", minute: 0, race: 720, tracks: "road", venue: "Mount Panorama Circuit" },
  { name: "13th Week Rookie Rumble", category: "oval", classes: ["legends"], licence: 1, fixed: true, official: false, cadence: "week13", minute: 0, race: -20, tracks: "oval" },
  { name: "13th Week Little Wings", category: "formula_car", classes: ["vee"], licence: 1, fixed: false, official: false, cadence: "week13", minute: 30, race: 15, tracks: "road" },
];

/** Name suffixes that turn the templates into ~150 series. */
export const SERIES_VARIANTS = ["Fixed", "Open", "Challenge", "Cup", "Trophy", "League Series", "Club Series", "Masters"];
