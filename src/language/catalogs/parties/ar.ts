import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "parties.title": "الأطراف المعنية: {story}",
  "parties.role.signatory": "الموقّعون",
  "parties.role.belligerent": "طرفا النزاع",
  "parties.role.mediator": "الوسطاء",
  "parties.role.guarantor": "الضامنون",
  "parties.role.monitor": "المراقبون",
  "parties.role.host": "مستضيفو المحادثات",
  "parties.role.other": "أطراف أخرى",
  "parties.people": "الشخصيات",
  "parties.parties": "الأطراف",
  "parties.none": "لا أطراف في البيانات بعد.",
};
