/** Names as they are common in the countries the programme's resettled families come from. */

export type Origin = "SYRIA" | "DR_CONGO" | "AFGHANISTAN" | "ERITREA" | "SUDAN";

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

export const NAMES: Record<Origin, NamePool> = {
  SYRIA: {
    female: ["Fatima", "Amina", "Rania", "Lina", "Hiba", "Nour", "Rasha", "Yara", "Maryam", "Layla", "Reem", "Salma"],
    male: ["Ahmad", "Mohammad", "Khaled", "Omar", "Yusuf", "Ali", "Hassan", "Ibrahim", "Mahmoud", "Samer", "Bilal", "Tarek"],
    family: ["Al-Hassan", "Haddad", "Khalil", "Al-Ahmad", "Darwish", "Nasser", "Al-Khatib", "Mansour", "Hamdan", "Saleh", "Al-Jasem"],
  },
  DR_CONGO: {
    female: ["Esther", "Grâce", "Solange", "Chantal", "Ruth", "Divine", "Mireille", "Nadine", "Furaha", "Neema", "Sifa"],
    male: ["Jean-Pierre", "Patrick", "Emmanuel", "Christian", "Didier", "Joseph", "Moïse", "Trésor", "Baraka", "Espoir", "Héritier"],
    family: ["Mukendi", "Ilunga", "Kasongo", "Mbuyi", "Tshibangu", "Lukusa", "Nzuzi", "Mutombo", "Kalala", "Bahati", "Mulamba"],
  },
  AFGHANISTAN: {
    female: ["Zahra", "Fatima", "Marzia", "Shabnam", "Nadia", "Parwana", "Mariam", "Sakina", "Freshta", "Mursal", "Hadia"],
    male: ["Ahmad", "Mohammad", "Abdul", "Farid", "Hamid", "Najib", "Rahim", "Sayed", "Jawad", "Elyas", "Mustafa"],
    family: ["Ahmadi", "Rahimi", "Hussaini", "Karimi", "Sultani", "Mohammadi", "Noori", "Hashimi", "Azizi", "Sadat", "Amiri"],
  },
  ERITREA: {
    female: ["Semhar", "Helen", "Selam", "Freweyni", "Luwam", "Senait", "Yordanos", "Saba", "Ruta", "Meron"],
    male: ["Tesfay", "Mebrahtu", "Yonas", "Daniel", "Filmon", "Robel", "Henok", "Biniam", "Samuel", "Amanuel"],
    family: ["Tesfamariam", "Ghebremedhin", "Berhane", "Habte", "Kidane", "Tekle", "Woldu", "Andemariam", "Gebreyesus"],
  },
  SUDAN: {
    female: ["Amna", "Hawa", "Khadija", "Mariam", "Sara", "Fatima", "Salma", "Ikhlas", "Fatna", "Halima"],
    male: ["Mohamed", "Osman", "Abdelrahman", "Hamza", "Adam", "Yasir", "Musa", "Ismail", "Abubakar", "Idris"],
    family: ["Abdalla", "Osman", "Ibrahim", "Adam", "Elamin", "Hassan", "Yousif", "Ahmed", "Abakar", "Haroun"],
  },
};
