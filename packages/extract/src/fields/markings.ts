/** Portion markings written in parentheses: (U), (C), (S), (SBU), (S//NF), (C/NF), (FOUO), (LOU), (TS)... */
export const MARKING = /^\(\s*(U|C|S|TS|SBU|FOUO|LOU|U\/\/FOUO|U\/\/SBU|C\/\/NF|S\/\/NF|C\/NF|S\/NF|S\/\/REL[A-Z ,/]{0,30}|C\/\/REL[A-Z ,/]{0,30}|NF)\s*\)/i;
