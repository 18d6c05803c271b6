/**
 * Builds the pages of the add-in into dist/ (two configurations, built together):
 *   taskpane.html — the add-in page Excel opens (office.js by <script> in <head>, then the pane);
 *   preview.html  — the pane beside an in-memory Excel or WPS, for trying the add-in without either;
 *   dist/manifest.xml with the development URLs replaced by ADDIN_PUBLIC_URL;
 *   wps/          — the WPS add-in: index.html + ribbon.xml (the entry WPS loads), taskpane.html
 *                   (the same pane over the WPS adapter, no office.js), images/, and the
 *                   publish.xml and jsplugins.xml a deployer needs; wps-jsaddons/ — the same
 *                   add-in laid out for an offline install (scripts/wps-addin-files.js, docs/wps.md).
 *
 * Options (environment variables):
 *   OFFICE_JS=microsoft|china|local   where office.js comes from (default microsoft; see docs/office-js.md)
 *   ADDIN_PUBLIC_URL=https://…        the address dist/ is served from in production
 *   WPS_ADDIN_URL=http(s)://…/        the address dist/wps/ is served from (default http://127.0.0.1:3889/)
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { WpsDeploymentPlugin, addinInfo, DEFAULT_WPS_ADDIN_URL } = require('./scripts/wps-addin-files.js');
const packageJson = require('./package.json');

const DEV_URL = 'https://localhost:3000';

const OFFICE_JS_SOURCES = {
  microsoft: { src: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', origin: 'https://appsforoffice.microsoft.com' },
  china: { src: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js', origin: 'https://appsforoffice.cdn.partner.office365.cn' },
  // Served from dist/office-js/ beside the pane, for networks that reach no CDN.
  local: { src: 'office-js/office.js', origin: null },
};

/** Replaces the development address in the manifest with the production one (AppDomain gets the origin only). */
function rewriteManifestUrls(xml, publicUrl) {
  const base = publicUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL)
    .join(base);
}

function officeJsSource(name) {
  const source = OFFICE_JS_SOURCES[name];
  if (!source) throw new Error(`OFFICE_JS must be one of ${Object.keys(OFFICE_JS_SOURCES).join(', ')}; got "${name}"`);
  return source;
}

/**
 * The head every page shares (src/taskpane/page-head.html: charset, viewport, the page's
 * Content-Security-Policy, icon, title, base styles), its `<%= name %>` filled from `parameters`.
 * Read when the build starts: `npm start` picks up a change to it on its next start.
 */
function pageHead(parameters) {
  const fragment = fs.readFileSync(path.join(__dirname, 'src', 'taskpane', 'page-head.html'), 'utf8');
  return fragment.replace(/<%=\s*(\w+)\s*%>/g, (_whole, name) => {
    if (parameters[name] === undefined) throw new Error(`page-head.html uses <%= ${name} %>, which the build does not give`);
    return parameters[name];
  });
}

function contentSecurityPolicy(extraScriptOrigin) {
  const scripts = ["'self'", extraScriptOrigin].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${scripts}`,
    `frame-src ${scripts}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** TypeScript through ts-loader, then Griffel's loader; core marked free of side effects. */
function moduleRules() {
  return {
  rules: [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      // Loaders run last to first: ts-loader strips the types, then Griffel's loader turns
      // the pane's makeStyles() into precomputed CSS classes (as Fluent UI's own packages
      // ship them), so the page needs no CSS-in-JS compiler (stylis, rtl-css-js) at run time.
      use: [
        { loader: '@griffel/webpack-loader' },
        {
          loader: 'ts-loader',
          // Type checking is `npm run typecheck`; the build only strips types.
          options: { transpileOnly: true, compilerOptions: { jsx: 'react-jsx', module: 'esnext', noEmit: false } },
        },
      ],
    },
    // Core is pure (docs/architecture.md): a module of it whose exports are not used has no
    // effect to keep. So the outer layers import core's public surface (src/core/index.ts)
    // and still leave out of each chunk what it does not use (layout plans, samples, rules).
    { include: path.resolve(__dirname, 'src/core'), sideEffects: false },
  ],
  };
}

function createConfig(env = {}, argv = {}) {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const officeJsName = env.officeJs || process.env.OFFICE_JS || 'microsoft';
  const officeJs = officeJsSource(officeJsName);
  const publicUrl = env.publicUrl || process.env.ADDIN_PUBLIC_URL || DEV_URL;
  if (!/^https:\/\//.test(publicUrl)) throw new Error(`ADDIN_PUBLIC_URL must be an https:// address; got "${publicUrl}"`);

  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifestUrls(content.toString('utf8'), publicUrl) },
  ];
  if (officeJsName === 'local') {
    copies.push({ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', globOptions: { ignore: ['**/*.debug.js'] } });
  }

  return {
    mode,
    // No eval-based source maps: the pages' CSP forbids eval.
    devtool: mode === 'development' ? 'cheap-module-source-map' : false,
    stats: mode === 'development' ? 'errors-warnings' : 'normal',
    entry: {
      taskpane: './src/addin/office-main.tsx',
      preview: './src/preview/preview-main.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: mode === 'development' ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // dist/ also holds the command line's build (dist/cli): clean only what this build writes.
      clean: { keep: /^(cli|bench|wps|wps-jsaddons)(\/|$)/ },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: moduleRules(),
    // No IE11: Office hosts that run add-ins in IE11 never load this pane (see manifest.xml).
    target: ['web', 'es2020'],
    performance: { hints: mode === 'production' ? 'warning' : false, maxEntrypointSize: 600 * 1024, maxAssetSize: 600 * 1024 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        template: './src/taskpane/taskpane.html',
        templateParameters: { officeJsSrc: officeJs.src, head: pageHead({ csp: contentSecurityPolicy(officeJs.origin), title: '绩效目标申报助手' }) },
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        chunks: ['preview'],
        template: './src/preview/preview.html',
        templateParameters: { head: pageHead({ csp: contentSecurityPolicy(null), title: '绩效目标申报助手 · 预览' }) },
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      server: 'https',
      port: 3000,
      host: 'localhost',
      open: false,
      hot: false,
      static: false,
      headers: { 'Cache-Control': 'no-store' },
      historyApiFallback: { index: '/preview.html' },
      client: { overlay: false, logging: 'warn' },
      devMiddleware: { index: 'preview.html' },
    },
  };
}

/**
 * The WPS add-in's folder, dist/wps/: self-contained (its own copy of the pane's scripts), so
 * the same folder serves online and installs offline. Scripts load relative to each page
 * (publicPath 'auto'), whether WPS opens it from a server or from the jsaddons folder.
 */
function createWpsConfig(env = {}, argv = {}) {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const info = addinInfo(packageJson, env.wpsAddinUrl || process.env.WPS_ADDIN_URL || DEFAULT_WPS_ADDIN_URL);
  const head = (title) => pageHead({ csp: contentSecurityPolicy(null), title });
  const page = (filename, chunk, template, title, scriptLoading) =>
    new HtmlWebpackPlugin({ filename, chunks: [chunk], template, templateParameters: { head: head(title) }, scriptLoading, inject: 'head' });
  return {
    name: 'wps',
    mode,
    devtool: mode === 'development' ? 'cheap-module-source-map' : false,
    stats: mode === 'development' ? 'errors-warnings' : 'normal',
    entry: {
      ribbon: './src/wps-addin/ribbon-main.ts',
      taskpane: './src/wps-addin/wps-pane-main.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist', 'wps'),
      publicPath: 'auto',
      filename: mode === 'development' ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: moduleRules(),
    target: ['web', 'es2020'],
    performance: { hints: mode === 'production' ? 'warning' : false, maxEntrypointSize: 600 * 1024, maxAssetSize: 600 * 1024 },
    plugins: [
      // The ribbon's callbacks must exist before WPS calls them: a plain script in <head>.
      page('index.html', 'ribbon', './src/wps-addin/index.html', '绩效目标申报助手 · WPS 加载项', 'blocking'),
      page('taskpane.html', 'taskpane', './src/wps-addin/taskpane.html', '绩效目标申报助手', 'defer'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps-addin/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/icon.svg', to: 'images/icon.svg' },
          // The pages' shared head names assets/icon-32.png.
          { from: 'assets/icon-32.png', to: 'assets/icon-32.png' },
        ],
      }),
      new WpsDeploymentPlugin(path.resolve(__dirname, 'dist', 'wps-jsaddons'), info),
    ],
  };
}

/** `npm run build`: the Excel add-in and its preview, and the WPS add-in. */
function createConfigs(env = {}, argv = {}) {
  return [createConfig(env, argv), createWpsConfig(env, argv)];
}

module.exports = createConfigs;
module.exports.createConfig = createConfig;
module.exports.createWpsConfig = createWpsConfig;
module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.OFFICE_JS_SOURCES = OFFICE_JS_SOURCES;
