import type { Translation } from "../../catalog.js";
import type { en } from "./en.js";

export const ar: Translation<typeof en> = {
  "language.title": "لغتك",
  "language.now.choice": "أجيبك باللغة {language}، كما اخترت.",
  "language.now.locale": "أجيبك باللغة {language}، وهي لغة تطبيقك.",
  "language.now.server": "أجيبك باللغة {language}، وهي لغة هذا الخادم.",
  "language.now.default":
    "أجيبك باللغة {language}: لا لغة تطبيقك ولا لغة هذا الخادم من اللغات التي أكتب بها.",
  "language.chosen": "تمّ: من الآن فصاعدًا أجيبك باللغة {language}.",
  "language.reset": "أُلغي اختيارك.",
  "language.how":
    "للاختيار: ‎/language language:ar (أو en أو he أو fr). للعودة إلى لغة تطبيقك: ‎/language language:reset.",
  "language.channels": "لتذكيرات القناة لغتها الخاصة: ‎/subscribe language:ar.",
};
