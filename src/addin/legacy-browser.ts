/**
 * Office on Windows runs add-ins in Internet Explorer 11 (Trident) or EdgeHTML where WebView2 is
 * missing (Office 2016/2019 bought once, older Windows 10). The pane cannot run there; taskpane.html
 * then shows its plain message without any script, and this check keeps the entry from
 * mounting the pane over it should the script run at all.
 */
export function isLegacyWebView(userAgent: string): boolean {
  // Trident: "Trident/7.0"; EdgeHTML: "Edge/18.19041" (Chromium Edge says "Edg/").
  return /\bTrident\/|\bMSIE |\bEdge\/\d/.test(userAgent);
}
