/** Current conditions for one city (static demo data). */
export interface CityWeather {
  city: string;
  country: string;
  condition: "sunny" | "partly cloudy" | "cloudy" | "light rain" | "rain" | "thunderstorms" | "snow" | "fog" | "windy";
  celsius: number;
  humidity: number;
  windKph: number;
}

/** The 15 cities the weather tool knows. */
export const WEATHER: readonly CityWeather[] = [
  { city: "Paris", country: "France", condition: "partly cloudy", celsius: 18, humidity: 62, windKph: 14 },
  { city: "London", country: "United Kingdom", condition: "light rain", celsius: 13, humidity: 81, windKph: 19 },
  { city: "Berlin", country: "Germany", condition: "cloudy", celsius: 15, humidity: 70, windKph: 11 },
  { city: "Madrid", country: "Spain", condition: "sunny", celsius: 27, humidity: 34, windKph: 9 },
  { city: "Rome", country: "Italy", condition: "sunny", celsius: 25, humidity: 45, windKph: 7 },
  { city: "Amsterdam", country: "Netherlands", condition: "windy", celsius: 14, humidity: 76, windKph: 32 },
  { city: "Stockholm", country: "Sweden", condition: "cloudy", celsius: 9, humidity: 72, windKph: 16 },
  { city: "New York", country: "United States", condition: "thunderstorms", celsius: 22, humidity: 78, windKph: 24 },
  { city: "San Francisco", country: "United States", condition: "fog", celsius: 16, humidity: 88, windKph: 21 },
  { city: "Toronto", country: "Canada", condition: "snow", celsius: -3, humidity: 85, windKph: 18 },
  { city: "Mexico City", country: "Mexico", condition: "rain", celsius: 19, humidity: 74, windKph: 8 },
  { city: "São Paulo", country: "Brazil", condition: "partly cloudy", celsius: 24, humidity: 66, windKph: 10 },
  { city: "Tokyo", country: "Japan", condition: "sunny", celsius: 21, humidity: 55, windKph: 12 },
  { city: "Sydney", country: "Australia", condition: "windy", celsius: 17, humidity: 60, windKph: 35 },
  { city: "Nairobi", country: "Kenya", condition: "sunny", celsius: 23, humidity: 48, windKph: 13 },
];

const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

/** The known city named `name` (case- and accent-insensitive). */
export function findCity(name: string): CityWeather | undefined {
  const key = fold(name.trim());
  return WEATHER.find((w) => fold(w.city) === key);
}

/** The known cities mentioned in a text, in order of appearance. */
export function citiesIn(text: string): CityWeather[] {
  const folded = fold(text);
  return WEATHER.map((w) => ({ w, at: folded.search(new RegExp(`\\b${fold(w.city)}\\b`)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.w);
}
