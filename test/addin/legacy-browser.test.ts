import { isLegacyWebView } from '../../src/addin/legacy-browser';

describe('isLegacyWebView', () => {
  test.each([
    ['Internet Explorer 11 (Office 2016 on Windows 7)', 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko', true],
    ['IE in compatibility mode', 'Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; ms-office)', true],
    ['EdgeHTML 18 (Office 2019)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041', true],
    ['WebView2 (Microsoft 365)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91', false],
    ['Excel on Mac (WKWebView)', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)', false],
    ['Chrome (Excel on the web)', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', false],
  ])('%s', (_what, userAgent, legacy) => {
    expect(isLegacyWebView(userAgent)).toBe(legacy);
  });
});
