// Copies the files the pages use from node_modules into wwwroot/lib. Run after `npm install`.
import { cpSync, mkdirSync } from "node:fs";

const files = [
  ["bootstrap/dist/css/bootstrap.min.css", "bootstrap/bootstrap.min.css"],
  ["chart.js/dist/chart.umd.min.js", "chartjs/chart.umd.min.js"],
];
for (const [from, to] of files) {
  const target = `wwwroot/lib/${to}`;
  mkdirSync(target.substring(0, target.lastIndexOf("/")), { recursive: true });
  cpSync(`node_modules/${from}`, target);
  console.log(`${from} -> ${target}`);
}
