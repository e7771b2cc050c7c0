// The `mrd summary --format html` page in Debian's chromium (headless,
// driven by playwright-core), at a desktop width and at 480 px, measured as
// laid out, and saved as screenshots in target/external/screenshots/ for a
// person to look at.
//
// What is checked, at each width:
// - the page does not scroll sideways (a wide table scrolls in its own box);
// - there is one <main>, and the heading has the day and the milestone;
// - the chart takes the width of the content, its bars are as long as the
//   readiness says, and at 480 px each label is whole, on its own line,
//   above its bar, with text no smaller than at the desktop width;
// - every piece of text has a contrast of at least 4.5:1 with the colour
//   actually behind it, as chromium computes both.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const work = process.env.EXTERNAL_WORK;
const require = createRequire(path.join(work, "package.json"));
const { chromium } = require("playwright-core");

const shots = path.join(work, "screenshots");
mkdirSync(shots, { recursive: true });
const pagePath = path.join(shots, "summary.html");
const html = execFileSync(
  process.env.MRD,
  ["summary", "examples/", "--format", "html", "--milestone", "2026-W44", "--milestone", "2026-W40", "--milestone", "2026-W46"],
  { cwd: process.env.MRD_REPO, encoding: "utf8" },
);
writeFileSync(pagePath, html);
const kickoff = execFileSync(process.env.MRD, ["summary", "examples/", "--format", "html", "--milestone", "2026-W44"], {
  cwd: process.env.MRD_REPO,
  encoding: "utf8",
});
const kickoffPath = path.join(shots, "kickoff.html");
writeFileSync(kickoffPath, kickoff);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
console.log(`chromium ${browser.version()}`);

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};

const today = new Date().toISOString().slice(0, 10);

for (const width of [1280, 480]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(pathToFileURL(pagePath).href);
  const m = await page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    const main = document.querySelectorAll("main");
    const content = box(document.querySelector("main"));
    const rows = [...document.querySelectorAll(".chart li")].map((li) => {
      const label = li.querySelector(".label");
      const track = li.querySelector(".track");
      const bar = li.querySelector(".bar");
      const value = li.querySelector(".value");
      return {
        label: label.textContent,
        labelWhole: label.scrollWidth <= label.clientWidth,
        labelBox: box(label),
        labelFont: parseFloat(getComputedStyle(label).fontSize),
        track: box(track),
        bar: box(bar),
        value: box(value),
        readiness: Number(value.textContent),
      };
    });
    // Every element with its own text: its colour and the first opaque
    // background behind it.
    const rgb = (text) => text.match(/[\d.]+/g).map(Number);
    const behind = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
        if (a > 0) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const texts = [];
    for (const el of document.querySelectorAll("body *")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (own) texts.push({ text: el.textContent.trim().slice(0, 40), fg: rgb(getComputedStyle(el).color), bg: behind(el) });
    }
    return {
      mains: main.length,
      h1: document.querySelector("header h1").textContent,
      meta: document.querySelector("header .meta").textContent,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      content,
      chart: box(document.querySelector(".chart ol")),
      rows,
      texts,
    };
  });
  const file = path.join(shots, `summary-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`${width} px: screenshot ${file}`);

  check(m.mains === 1, `${width}: ${m.mains} <main> elements`);
  check(m.meta.startsWith(today) && m.meta.includes("Milestones 2026-W40, 2026-W44, 2026-W46"), `${width}: heading meta ${m.meta}`);
  check(m.scrollWidth <= m.innerWidth, `${width}: the page scrolls sideways (${m.scrollWidth} > ${m.innerWidth})`);
  check(m.chart.width >= 0.99 * m.content.width, `${width}: the chart is ${m.chart.width} px of ${m.content.width}`);
  check(m.rows.length === 3, `${width}: ${m.rows.length} chart rows`);
  for (const r of m.rows) {
    const expected = (r.track.width * r.readiness) / 100;
    check(Math.abs(r.bar.width - expected) <= 1, `${width}: ${r.label}: bar ${r.bar.width} px, expected ${expected}`);
    check(r.value.left >= r.track.right, `${width}: ${r.label}: the value overlaps the bar`);
    check(r.track.right <= m.content.right + 0.5, `${width}: ${r.label}: the bar runs past the content`);
    check(r.labelFont >= 16, `${width}: ${r.label}: label font ${r.labelFont} px`);
    if (width === 1280) {
      check(r.track.width >= 400, `${width}: ${r.label}: the bar track is only ${r.track.width} px`);
    } else {
      check(r.labelWhole, `${width}: ${r.label}: the label is cut`);
      check(r.labelBox.bottom <= r.track.top, `${width}: ${r.label}: the label is not above its bar`);
      check(r.track.width >= 200, `${width}: ${r.label}: the bar track is only ${r.track.width} px`);
    }
  }
  const luminance = ([r, g, b]) => {
    const c = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
  };
  let lowest = Infinity;
  for (const t of m.texts) {
    const [a, b] = [luminance(t.fg), luminance(t.bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    lowest = Math.min(lowest, ratio);
    check(ratio >= 4.5, `${width}: "${t.text}" has a contrast of ${ratio.toFixed(2)}:1`);
  }
  console.log(
    `${width} px: page ${m.scrollWidth} px wide, chart ${Math.round(m.chart.width)} of ${Math.round(m.content.width)} px, ` +
      `bar tracks ${m.rows.map((r) => Math.round(r.track.width)).join("/")} px, ` +
      `${m.texts.length} text elements, lowest contrast ${lowest.toFixed(2)}:1`,
  );
  await page.close();
}

// The weekly kickoff page: its heading names the milestone.
const page = await browser.newPage({ viewport: { width: 480, height: 900 } });
await page.goto(pathToFileURL(kickoffPath).href);
const heading = await page.evaluate(() => [document.querySelector("h1").textContent, document.querySelector(".meta").textContent]);
check(heading[0] === "Weekly Kickoff for Milestone - 2026-W44", `kickoff heading ${heading[0]}`);
check(heading[1] === `${today} · Milestone 2026-W44`, `kickoff meta ${heading[1]}`);
await page.screenshot({ path: path.join(shots, "kickoff-480.png"), fullPage: true });
console.log(`kickoff: ${heading.join(" / ")}`);
await browser.close();

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("html: the summary page passes every check at 1280 and 480 px");
