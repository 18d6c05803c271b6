// The files a deployer of the WPS add-in needs beside the add-in's own pages, written by the
// build (webpack.config.js) into dist/:
//
//   dist/wps/             the add-in, to serve at WPS_ADDIN_URL (online add-in): index.html,
//                         ribbon.xml, taskpane.html, scripts, images/, and
//     publish.xml         per-user install: copied into the user's jsaddons folder;
//     jsplugins.xml       office-wide install: oem.ini's JSPluginsServer points at its address;
//   dist/wps-jsaddons/    offline install: the contents of a user's jsaddons folder —
//     publish.xml         naming the folder below, and
//     <name>_<version>/   a copy of dist/wps/ without the two xml files above.
//
// The formats are those of WPS's own add-in tool, wpsjs (docs/wps.md says where each comes
// from). WPS_ADDIN_URL must be an http(s) address ending in `/`: WPS reads `<url>ribbon.xml`.
'use strict';

const fs = require('fs');
const path = require('path');

/** wpsjs's `wpsjs debug` serves an add-in here; serving dist/wps on this port needs no other change. */
const DEFAULT_WPS_ADDIN_URL = 'http://127.0.0.1:3889/';
/** WPS Spreadsheets (et); `wps` is Writer, `wpp` Presentation. */
const ADDIN_TYPE = 'et';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

class WpsAddinUrlError extends Error {
  constructor(url) {
    super(`WPS_ADDIN_URL must be an http:// or https:// address ending in "/" (WPS reads <url>ribbon.xml); got "${url}"`);
    this.name = 'WpsAddinUrlError';
  }
}

function checkedAddinUrl(url) {
  if (!/^https?:\/\/[^\s"<>]+\/$/.test(url)) throw new WpsAddinUrlError(url);
  return url;
}

/** The add-in as WPS knows it: wpsjs takes name and version from package.json (the name in ASCII). */
function addinInfo(pkg, url = DEFAULT_WPS_ADDIN_URL) {
  if (!/^[!-~]+$/.test(pkg.name)) throw new Error(`package.json's name must be ASCII for WPS; got "${pkg.name}"`);
  return { name: pkg.name, type: ADDIN_TYPE, version: pkg.version, url: checkedAddinUrl(url) };
}

function escapeAttribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(tag, attributes) {
  const text = Object.entries(attributes)
    .map(([key, value]) => `${key}="${escapeAttribute(value)}"`)
    .join(' ');
  return `<${tag} ${text}/>`;
}

function jspluginsDocument(entry) {
  return [XML_DECLARATION, '<jsplugins>', `  ${entry}`, '</jsplugins>', ''].join('\n');
}

/** A user's jsaddons/publish.xml for the online add-in: the entry `wpsjs debug` writes (publish mode). */
function publishXml(info) {
  return jspluginsDocument(element('jspluginonline', { name: info.name, type: info.type, url: info.url, debug: '', enable: 'enable_dev', install: 'null' }));
}

/** The list oem.ini's JSPluginsServer names: the entry `wpsjs debug` writes in jsplugins.xml mode. */
function jspluginsXml(info) {
  return jspluginsDocument(element('jspluginonline', { name: info.name, type: info.type, url: info.url }));
}

/** The folder of an offline add-in inside jsaddons, as `wpsjs build` names it. */
function offlineFolderName(info) {
  return `${info.name}_${info.version}`;
}

/** jsaddons/publish.xml for the offline add-in: the entry of `wpsjs build --exe`'s installer. */
function offlinePublishXml(info) {
  return jspluginsDocument(
    element('jsplugin', { name: info.name, type: info.type, url: offlineFolderName(info), version: info.version, enable: 'enable_dev', install: 'null', customDomain: '' }),
  );
}

const DEPLOY_FILES = ['publish.xml', 'jsplugins.xml'];

/** Writes the two deploy files into the add-in folder and the offline jsaddons layout beside it. */
function writeWpsDeployment(addinFolder, jsaddonsFolder, info) {
  fs.writeFileSync(path.join(addinFolder, 'publish.xml'), publishXml(info));
  fs.writeFileSync(path.join(addinFolder, 'jsplugins.xml'), jspluginsXml(info));
  fs.rmSync(jsaddonsFolder, { recursive: true, force: true });
  const copy = path.join(jsaddonsFolder, offlineFolderName(info));
  fs.mkdirSync(copy, { recursive: true });
  fs.cpSync(addinFolder, copy, { recursive: true, filter: (source) => !DEPLOY_FILES.includes(path.relative(addinFolder, source)) });
  fs.writeFileSync(path.join(jsaddonsFolder, 'publish.xml'), offlinePublishXml(info));
}

/** Runs writeWpsDeployment once the WPS build has written its files. */
class WpsDeploymentPlugin {
  constructor(jsaddonsFolder, info) {
    this.jsaddonsFolder = jsaddonsFolder;
    this.info = info;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('WpsDeploymentPlugin', (compilation) => {
      if (compilation.errors.length === 0) writeWpsDeployment(compiler.outputPath, this.jsaddonsFolder, this.info);
    });
  }
}

module.exports = {
  ADDIN_TYPE,
  DEFAULT_WPS_ADDIN_URL,
  WpsAddinUrlError,
  WpsDeploymentPlugin,
  addinInfo,
  jspluginsXml,
  offlineFolderName,
  offlinePublishXml,
  publishXml,
  writeWpsDeployment,
};
