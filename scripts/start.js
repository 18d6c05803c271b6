#!/usr/bin/env node
/**
 * `npm start`: builds the pages and serves them over https on localhost:3000 with
 * webpack-dev-server's own self-signed certificate (no sudo, no system CA store), then says
 * where the preview is and how to sideload the manifest. It never opens a browser or asks
 * anything. Options as for the build: OFFICE_JS=microsoft|china|local.
 */
const path = require('path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
// The Excel add-in's pages and the preview (the WPS add-in is served from a build: docs/wps.md).
const { createConfig } = require('../webpack.config.js');

const ROOT = path.join(__dirname, '..');
const URL = 'https://localhost:3000';

function banner() {
  const manifest = path.join(ROOT, 'manifest.xml');
  return [
    '',
    '绩效目标申报助手 / Performance Target Forms',
    '',
    `  预览 Preview (no Excel needed):   ${URL}/preview.html`,
    `  WPS 预览 Preview over WPS:         ${URL}/preview.html?host=wps`,
    `  任务窗格 Task pane page:          ${URL}/taskpane.html`,
    `  清单 Manifest to sideload:        ${manifest}`,
    '',
    '  浏览器会提示证书不受信任（自签名证书）：先在浏览器中打开上面的地址并选择继续访问。',
    '  The certificate is self-signed: open the address once in your browser and accept it.',
    '',
    '  Excel 网页版 / Excel on the web:',
    '    开始 > 加载项 > 更多设置 > 上传我的加载项，选择 manifest.xml。',
    '    Home > Add-ins > More Settings > Upload My Add-in, choose manifest.xml.',
    '  Windows 版 Excel / Excel on Windows:',
    '    将 manifest.xml 所在文件夹共享，并在 文件 > 选项 > 信任中心 > 受信任的加载项目录 中添加该共享路径；',
    '    重启 Excel 后在 开始 > 加载项 > 共享文件夹 中选择本加载项。',
    '    Share the folder holding manifest.xml, add it under File > Options > Trust Center > Trusted Add-in Catalogs,',
    '    restart Excel, then Home > Add-ins > Shared Folder.',
    '  Mac 版 Excel / Excel on Mac:',
    '    将 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ 后重启 Excel。',
    '    Copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.',
    '',
    '  详细步骤见 TESTING.md / Step by step: TESTING.md. Ctrl+C stops the server.',
    '',
  ].join('\n');
}

async function main() {
  const config = createConfig({}, { mode: 'development' });
  const compiler = webpack(config);
  const server = new WebpackDevServer({ ...config.devServer, open: false }, compiler);
  let announced = false;
  compiler.hooks.done.tap('perf-target-forms-start', (stats) => {
    if (stats.hasErrors()) {
      console.error(stats.toString({ all: false, errors: true, colors: process.stderr.isTTY }));
      return;
    }
    if (!announced) {
      announced = true;
      console.log(banner());
    }
  });
  await server.start();
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
