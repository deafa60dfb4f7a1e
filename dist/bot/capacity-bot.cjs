// Built by `npm run build` from bot/ (TypeScript); do not edit. bin/capacity-bot.cjs runs it.
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// bot/cli.ts
var cli_exports = {};
__export(cli_exports, {
  main: () => main
});
module.exports = __toCommonJS(cli_exports);
var import_commander7 = require("commander");

// modules/core/constants.ts
var DEFAULT_BASE_PAGE = "Capacity building";

// bot/commands/context.ts
var import_node_fs5 = __toESM(require("node:fs"));
var import_node_path4 = __toESM(require("node:path"));

// modules/core/identifiers.ts
var MAX_USERNAME_BYTES = 255;
var TITLE_FORBIDDEN = /[#<>[\]|{}\u0000-\u001F\u007F]/;
var USERNAME_TROUBLEMAKERS = /[\u0080-\u009F\u00A0\u2000-\u200F\u2028-\u202F\u3000\uE000-\uF8FF]/;
var IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
function utf8Length(text2) {
  let bytes = 0;
  for (const char of text2) {
    const codePoint = char.codePointAt(0);
    bytes += codePoint < 128 ? 1 : codePoint < 2048 ? 2 : codePoint < 65536 ? 3 : 4;
  }
  return bytes;
}
function normalizeUsername(name) {
  const spaced = name.replace(/_/g, " ").replace(/ +/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
function sameUser(a, b) {
  return a !== "" && normalizeUsername(a) === normalizeUsername(b);
}
function isValidUsername(name) {
  return name !== "" && name === normalizeUsername(name) && !name.includes("/") && !name.includes(":") && !TITLE_FORBIDDEN.test(name) && !USERNAME_TROUBLEMAKERS.test(name) && !IPV4.test(name) && utf8Length(name) <= MAX_USERNAME_BYTES;
}
function isLanguageCode(code) {
  return /^[a-z]{2,3}(?:-[a-z0-9]{1,12})*$/.test(code);
}
function isKey(key) {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) && key.length <= 64;
}
function isIsoDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
function isIsoTimestamp(value) {
  const match = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/.exec(value);
  return match !== null && isIsoDate(match[1]);
}
function dateOf(timestamp) {
  return timestamp.slice(0, 10);
}
function isPageTitle(title) {
  return title.trim() !== "" && title === title.trim() && !TITLE_FORBIDDEN.test(title) && !title.startsWith(":") && !title.includes("//") && utf8Length(title) <= 255;
}
function isHubKey(key) {
  return isPageTitle(key) && !key.includes("/") && !key.includes(",");
}

// modules/core/pages.ts
var REQUEST_PREFIX = "R";
function normalizeTitle(title) {
  const spaced = title.replace(/_/g, " ").replace(/ +/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
function requestNumber(base, title) {
  const prefix = `${normalizeTitle(base)}/Requests/${REQUEST_PREFIX}`;
  const normalized = normalizeTitle(title);
  if (!normalized.startsWith(prefix)) {
    return null;
  }
  const rest = normalized.slice(prefix.length);
  return /^[1-9]\d{0,8}$/.test(rest) ? Number(rest) : null;
}
function coachUser(base, title) {
  const prefix = `${normalizeTitle(base)}/Coaches/`;
  const normalized = normalizeTitle(title);
  const rest = normalized.startsWith(prefix) ? normalized.slice(prefix.length) : "";
  return rest === "" || rest.includes("/") || rest === "Index" ? null : rest;
}
function hubTitle(base, key) {
  return `${normalizeTitle(base)}/Hubs/${key}`;
}
function hubKey(base, title) {
  const prefix = `${normalizeTitle(base)}/Hubs/`;
  const normalized = normalizeTitle(title);
  const rest = normalized.startsWith(prefix) ? normalized.slice(prefix.length) : "";
  return rest === "" || rest.includes("/") ? null : rest;
}
function evaluationTitle(base, period) {
  return `${normalizeTitle(base)}/Evaluation/${period}`;
}
function evaluationPeriod(base, title) {
  const prefix = `${normalizeTitle(base)}/Evaluation/`;
  const normalized = normalizeTitle(title);
  const rest = normalized.startsWith(prefix) ? normalized.slice(prefix.length) : "";
  return /^\d{4}-Q[1-4]$/.test(rest) ? rest : null;
}
function sitePages(base) {
  const b = normalizeTitle(base);
  return {
    topics: `${b}/Topics.json`,
    requestsJson: `${b}/Requests.json`,
    coachesJson: `${b}/Coaches.json`,
    hubsJson: `${b}/Hubs.json`,
    statisticsJson: `${b}/Statistics.json`,
    requestsIndex: `${b}/Requests/Index`,
    coachesIndex: `${b}/Coaches/Index`,
    statistics: `${b}/Statistics`,
    review: `${b}/Review`,
    // The independent evaluation: the bot's block (exports, accepted entries) and people's text.
    evaluation: `${b}/Evaluation`,
    // The open-data export files as pages, named as `capacity-bot export` names the files.
    evaluationData: `${b}/Evaluation/Data`,
    learning: `${b}/Learning`,
    // Emergency shut-off: the bot writes nothing while this page exists with any content;
    // anyone can stop it by writing a reason there, and blanking the page lets it run again.
    stop: `${b}/Bot/Stop`
  };
}
var FEEDBACK_ANCHOR = "ext-capacitybuilding-feedback";

// bot/credentials.ts
var import_node_fs3 = __toESM(require("node:fs"));

// bot/i18n.ts
var import_banana_i18n = __toESM(require("banana-i18n"));
var import_node_fs2 = __toESM(require("node:fs"));
var import_node_path2 = __toESM(require("node:path"));

// bot/paths.ts
var import_node_fs = __toESM(require("node:fs"));
var import_node_path = __toESM(require("node:path"));
function findRoot(start) {
  for (let dir = start; ; dir = import_node_path.default.dirname(dir)) {
    if (import_node_fs.default.existsSync(import_node_path.default.join(dir, "package.json")) && import_node_fs.default.existsSync(import_node_path.default.join(dir, "i18n", "en.json"))) {
      return dir;
    }
    if (import_node_path.default.dirname(dir) === dir) {
      throw new Error(`No checkout of CapacityBuilding (package.json and i18n/) above ${start}`);
    }
  }
}
var ROOT = findRoot(__dirname);

// bot/i18n.ts
var I18N_DIR = import_node_path2.default.join(ROOT, "i18n");
function loadMessageFiles(dir = I18N_DIR) {
  const messages = {};
  for (const file of import_node_fs2.default.readdirSync(dir)) {
    const match = /^([a-z0-9-]+)\.json$/.exec(file);
    if (!match || match[1] === "qqq") {
      continue;
    }
    const data = JSON.parse(import_node_fs2.default.readFileSync(import_node_path2.default.join(dir, file), "utf8"));
    messages[match[1]] = Object.fromEntries(
      Object.entries(data).filter((entry) => !entry[0].startsWith("@") && typeof entry[1] === "string")
    );
  }
  return messages;
}
var Messages = class {
  banana;
  language;
  files;
  constructor(language = "en", files = loadMessageFiles()) {
    this.language = language;
    this.files = files;
    this.banana = new import_banana_i18n.default(language, { finalFallback: "en" });
    this.banana.load(files);
  }
  /** The language and its fallbacks as MediaWiki has them, ending with English. */
  fallbackChain() {
    return [.../* @__PURE__ */ new Set([this.language, ...this.banana.getFallbackLocales(), "en"])];
  }
  /**
   * A message as written (wikitext, `$1`, `{{PLURAL:…}}` unexpanded), in the first language of
   * the fallback chain that has it; the key itself when none has.
   */
  raw(key) {
    for (const language of this.fallbackChain()) {
      const text2 = this.files[language]?.[key];
      if (text2 !== void 0) {
        return text2;
      }
    }
    return key;
  }
  text(key, ...params) {
    if (this.language === "qqx") {
      return params.length ? `(${key}: ${params.map(String).join(", ")})` : `(${key})`;
    }
    return this.banana.i18n(key, ...params.map(String));
  }
  problem(problem2) {
    return this.text(problem2.key, ...problem2.params);
  }
};
var english = null;
var TranslatableError = class extends Error {
  key;
  params;
  constructor(key, ...params) {
    english ??= new Messages("en");
    super(english.text(key, ...params));
    this.key = key;
    this.params = params;
  }
};
function errorText(error, messages) {
  if (error instanceof TranslatableError) {
    return messages.text(error.key, ...error.params);
  }
  return error instanceof Error ? error.message : String(error);
}
function operatorLanguage(env) {
  const language = env.CAPACITY_BOT_LANGUAGE ?? /^([a-z]{2,3})(?:[_-]|$)/i.exec(env.LANG ?? "")?.[1]?.toLowerCase() ?? "en";
  return language === "c" ? "en" : language;
}

// bot/credentials.ts
var CredentialsError = class extends TranslatableError {
};
var ENV = {
  username: "CAPACITY_BOT_USERNAME",
  password: "CAPACITY_BOT_PASSWORD",
  oauth2: "CAPACITY_BOT_OAUTH2_TOKEN"
};
function assertPrivateFile(file) {
  const mode = import_node_fs3.default.statSync(file).mode % 512;
  if (mode % 64 !== 0) {
    throw new CredentialsError("capacitybuilding-bot-error-file-not-private", file, mode.toString(8));
  }
}
function fromObject(data, file) {
  if (typeof data.oauth2Token === "string" && data.oauth2Token) {
    return { kind: "oauth2", accessToken: data.oauth2Token };
  }
  if (typeof data.username === "string" && typeof data.password === "string" && data.username && data.password) {
    return { kind: "botpassword", username: data.username, password: data.password };
  }
  if ("username" in data || "password" in data) {
    throw file === void 0 ? new CredentialsError("capacitybuilding-bot-error-credentials-incomplete-environment") : new CredentialsError("capacitybuilding-bot-error-credentials-incomplete-file", file);
  }
  return null;
}
function loadCredentials(env, file) {
  const fromEnv = fromObject({
    ...env[ENV.username] !== void 0 ? { username: env[ENV.username] } : {},
    ...env[ENV.password] !== void 0 ? { password: env[ENV.password] } : {},
    ...env[ENV.oauth2] !== void 0 ? { oauth2Token: env[ENV.oauth2] } : {}
  });
  if (fromEnv) {
    return fromEnv;
  }
  if (!file) {
    return null;
  }
  let data;
  try {
    data = JSON.parse(import_node_fs3.default.readFileSync(file, "utf8"));
  } catch (error) {
    throw new CredentialsError("capacitybuilding-bot-error-config-unreadable", file, error.message);
  }
  if (typeof data !== "object" || data === null) {
    throw new CredentialsError("capacitybuilding-bot-error-config-not-object", file);
  }
  const found = fromObject(data, file);
  if (found) {
    assertPrivateFile(file);
  }
  return found;
}

// bot/edits.ts
var import_diff = require("diff");
var import_mwn = require("mwn");

// modules/core/model.ts
var STATUSES = [
  "open",
  "triaged",
  "matched",
  "in-progress",
  "completed",
  "declined",
  "withdrawn",
  "on-hold"
];
var FINAL_STATUSES = ["completed", "declined", "withdrawn"];
var STATUS_MESSAGES = {
  open: "capacitybuilding-status-open",
  triaged: "capacitybuilding-status-triaged",
  matched: "capacitybuilding-status-matched",
  "in-progress": "capacitybuilding-status-in-progress",
  completed: "capacitybuilding-status-completed",
  declined: "capacitybuilding-status-declined",
  withdrawn: "capacitybuilding-status-withdrawn",
  "on-hold": "capacitybuilding-status-on-hold"
};
var HOLD_REASONS = ["paused", "requester-asked", "waiting-for-coach"];
var HOLD_REASON_MESSAGES = {
  paused: "capacitybuilding-hold-reason-paused",
  "requester-asked": "capacitybuilding-hold-reason-requester-asked",
  "waiting-for-coach": "capacitybuilding-hold-reason-waiting-for-coach"
};
var REGIONS = ["SSA", "MENA", "SA", "ESEAP", "CEECA", "NWE", "LAC", "NA"];
var REGION_MESSAGES = {
  SSA: "capacitybuilding-region-ssa",
  MENA: "capacitybuilding-region-mena",
  SA: "capacitybuilding-region-sa",
  ESEAP: "capacitybuilding-region-eseap",
  CEECA: "capacitybuilding-region-ceeca",
  NWE: "capacitybuilding-region-nwe",
  LAC: "capacitybuilding-region-lac",
  NA: "capacitybuilding-region-na"
};
var FORMATS = ["workshop", "coaching", "mentoring", "documentation", "peer-exchange", "facilitation"];
var FORMAT_MESSAGES = {
  workshop: "capacitybuilding-format-workshop",
  coaching: "capacitybuilding-format-coaching",
  mentoring: "capacitybuilding-format-mentoring",
  documentation: "capacitybuilding-format-documentation",
  "peer-exchange": "capacitybuilding-format-peer-exchange",
  facilitation: "capacitybuilding-format-facilitation"
};
var ANY_LANGUAGE = "mul";
var REQUESTER_TYPES = ["individual", "group", "organisation"];
var REQUESTER_TYPE_MESSAGES = {
  individual: "capacitybuilding-requester-type-individual",
  group: "capacitybuilding-requester-type-group",
  organisation: "capacitybuilding-requester-type-organisation"
};
var AVAILABILITIES = ["available", "limited", "away"];
var AVAILABILITY_MESSAGES = {
  available: "capacitybuilding-availability-available",
  limited: "capacitybuilding-availability-limited",
  away: "capacitybuilding-availability-away"
};
var CONTACT_METHODS = ["talk", "email"];
var HUB_KINDS = ["regional", "thematic"];
var HUB_KIND_MESSAGES = {
  regional: "capacitybuilding-hub-kind-regional",
  thematic: "capacitybuilding-hub-kind-thematic"
};
var FEEDBACK_ROLES = ["requester", "coach", "hub-contact", "participant", "other"];
var FEEDBACK_ROLE_MESSAGES = {
  requester: "capacitybuilding-feedback-role-requester",
  coach: "capacitybuilding-feedback-role-coach",
  "hub-contact": "capacitybuilding-feedback-role-hub-contact",
  participant: "capacitybuilding-feedback-role-participant",
  other: "capacitybuilding-feedback-role-other"
};
var FEEDBACK_OUTCOMES = ["achieved", "partly", "not-achieved", "too-early"];
var FEEDBACK_OUTCOME_MESSAGES = {
  achieved: "capacitybuilding-feedback-outcome-achieved",
  partly: "capacitybuilding-feedback-outcome-partly",
  "not-achieved": "capacitybuilding-feedback-outcome-not-achieved",
  "too-early": "capacitybuilding-feedback-outcome-too-early"
};
var FEEDBACK_STAGES = ["completion", "follow-up"];
var FEEDBACK_STAGE_MESSAGES = {
  completion: "capacitybuilding-feedback-stage-completion",
  "follow-up": "capacitybuilding-feedback-stage-follow-up"
};
var FEEDBACK_USED = ["yes", "partly", "no"];
var FEEDBACK_USED_MESSAGES = {
  yes: "capacitybuilding-feedback-used-yes",
  partly: "capacitybuilding-feedback-used-partly",
  no: "capacitybuilding-feedback-used-no"
};
var LIST_KINDS = ["enumList", "topicList", "languageList", "userList", "hubList"];
var REQUEST_SCHEMA = {
  template: "Capacity request",
  fields: [
    { key: "title", param: "title", kind: "text", required: true, min: 5, max: 120, label: "capacitybuilding-request-field-title", help: "capacitybuilding-request-help-title" },
    { key: "requester", param: "requester", kind: "user", required: true, label: "capacitybuilding-request-field-requester", help: "capacitybuilding-request-help-requester" },
    { key: "requesterType", param: "requester_type", kind: "enum", required: true, values: REQUESTER_TYPES, label: "capacitybuilding-request-field-requester-type", help: "capacitybuilding-request-help-requester-type" },
    { key: "organisation", param: "organisation", kind: "text", required: false, max: 200, label: "capacitybuilding-request-field-organisation", help: "capacitybuilding-request-help-organisation" },
    { key: "region", param: "region", kind: "enum", required: true, values: REGIONS, label: "capacitybuilding-request-field-region", help: "capacitybuilding-request-help-region" },
    { key: "hub", param: "hub", kind: "hub", required: false, label: "capacitybuilding-request-field-hub", help: "capacitybuilding-request-help-hub" },
    { key: "topics", param: "topics", kind: "topicList", required: true, min: 1, max: 10, label: "capacitybuilding-request-field-topics", help: "capacitybuilding-request-help-topics" },
    { key: "formats", param: "formats", kind: "enumList", required: true, min: 1, values: FORMATS, label: "capacitybuilding-request-field-formats", help: "capacitybuilding-request-help-formats" },
    { key: "languages", param: "languages", kind: "languageList", required: true, min: 1, max: 10, label: "capacitybuilding-request-field-languages", help: "capacitybuilding-request-help-languages" },
    { key: "lang", param: "lang", kind: "language", required: false, label: "capacitybuilding-request-field-lang", help: "capacitybuilding-request-help-lang" },
    { key: "neededBy", param: "needed_by", kind: "date", required: false, label: "capacitybuilding-request-field-needed-by", help: "capacitybuilding-request-help-needed-by" },
    { key: "description", param: "description", kind: "multiline", required: true, min: 20, max: 2e4, label: "capacitybuilding-request-field-description", help: "capacitybuilding-request-help-description" },
    { key: "status", param: "status", kind: "enum", required: true, values: STATUSES, label: "capacitybuilding-request-field-status", help: "capacitybuilding-request-help-status" },
    { key: "holdReason", param: "hold_reason", kind: "enum", required: false, values: HOLD_REASONS, label: "capacitybuilding-request-field-hold-reason", help: "capacitybuilding-request-help-hold-reason" },
    { key: "coach", param: "coach", kind: "userList", required: false, max: 5, label: "capacitybuilding-request-field-coach", help: "capacitybuilding-request-help-coach" },
    { key: "offers", param: "offers", kind: "userList", required: false, max: 50, label: "capacitybuilding-request-field-offers", help: "capacitybuilding-request-help-offers" },
    { key: "created", param: "created", kind: "timestamp", required: true, label: "capacitybuilding-request-field-created", help: "capacitybuilding-request-help-created" }
  ]
};
var COACH_SCHEMA = {
  template: "Capacity coach",
  fields: [
    { key: "user", param: "user", kind: "user", required: true, label: "capacitybuilding-coach-field-user", help: "capacitybuilding-coach-help-user" },
    { key: "topics", param: "topics", kind: "topicList", required: true, min: 1, max: 20, label: "capacitybuilding-coach-field-topics", help: "capacitybuilding-coach-help-topics" },
    { key: "languages", param: "languages", kind: "languageList", required: true, min: 1, max: 20, label: "capacitybuilding-coach-field-languages", help: "capacitybuilding-coach-help-languages" },
    { key: "regions", param: "regions", kind: "enumList", required: false, values: REGIONS, label: "capacitybuilding-coach-field-regions", help: "capacitybuilding-coach-help-regions" },
    { key: "formats", param: "formats", kind: "enumList", required: true, min: 1, values: FORMATS, label: "capacitybuilding-coach-field-formats", help: "capacitybuilding-coach-help-formats" },
    { key: "availability", param: "availability", kind: "enum", required: true, values: AVAILABILITIES, label: "capacitybuilding-coach-field-availability", help: "capacitybuilding-coach-help-availability" },
    { key: "awayUntil", param: "away_until", kind: "date", required: false, label: "capacitybuilding-coach-field-away-until", help: "capacitybuilding-coach-help-away-until" },
    { key: "maxRequests", param: "max_requests", kind: "integer", required: true, min: 1, max: 20, label: "capacitybuilding-coach-field-max-requests", help: "capacitybuilding-coach-help-max-requests" },
    { key: "bio", param: "bio", kind: "multiline", required: false, max: 5e3, label: "capacitybuilding-coach-field-bio", help: "capacitybuilding-coach-help-bio" },
    { key: "contact", param: "contact", kind: "enum", required: true, values: CONTACT_METHODS, label: "capacitybuilding-coach-field-contact", help: "capacitybuilding-coach-help-contact" },
    { key: "hubs", param: "hubs", kind: "hubList", required: false, max: 10, label: "capacitybuilding-coach-field-hubs", help: "capacitybuilding-coach-help-hubs" }
  ]
};
var HUB_SCHEMA = {
  template: "Capacity hub",
  fields: [
    { key: "name", param: "name", kind: "text", required: true, min: 2, max: 100, label: "capacitybuilding-hub-field-name", help: "capacitybuilding-hub-help-name" },
    { key: "kind", param: "kind", kind: "enum", required: true, values: HUB_KINDS, label: "capacitybuilding-hub-field-kind", help: "capacitybuilding-hub-help-kind" },
    { key: "regions", param: "regions", kind: "enumList", required: false, values: REGIONS, label: "capacitybuilding-hub-field-regions", help: "capacitybuilding-hub-help-regions" },
    { key: "topics", param: "topics", kind: "topicList", required: false, max: 50, label: "capacitybuilding-hub-field-topics", help: "capacitybuilding-hub-help-topics" },
    { key: "languages", param: "languages", kind: "languageList", required: false, max: 50, label: "capacitybuilding-hub-field-languages", help: "capacitybuilding-hub-help-languages" },
    { key: "contacts", param: "contacts", kind: "userList", required: true, min: 1, max: 20, label: "capacitybuilding-hub-field-contacts", help: "capacitybuilding-hub-help-contacts" },
    { key: "noticeboard", param: "noticeboard", kind: "page", required: false, label: "capacitybuilding-hub-field-noticeboard", help: "capacitybuilding-hub-help-noticeboard" }
  ]
};
var FEEDBACK_SCHEMA = {
  template: "Capacity feedback",
  fields: [
    { key: "user", param: "user", kind: "user", required: true, label: "capacitybuilding-feedback-field-user", help: "capacitybuilding-feedback-help-user" },
    { key: "role", param: "role", kind: "enum", required: true, values: FEEDBACK_ROLES, label: "capacitybuilding-feedback-field-role", help: "capacitybuilding-feedback-help-role" },
    { key: "rating", param: "rating", kind: "integer", required: false, min: 1, max: 5, label: "capacitybuilding-feedback-field-rating", help: "capacitybuilding-feedback-help-rating" },
    { key: "outcome", param: "outcome", kind: "enum", required: false, values: FEEDBACK_OUTCOMES, label: "capacitybuilding-feedback-field-outcome", help: "capacitybuilding-feedback-help-outcome" },
    { key: "confidenceBefore", param: "confidence_before", kind: "integer", required: false, min: 1, max: 5, label: "capacitybuilding-feedback-field-confidence-before", help: "capacitybuilding-feedback-help-confidence-before" },
    { key: "confidenceAfter", param: "confidence_after", kind: "integer", required: false, min: 1, max: 5, label: "capacitybuilding-feedback-field-confidence-after", help: "capacitybuilding-feedback-help-confidence-after" },
    { key: "stage", param: "stage", kind: "enum", required: false, values: FEEDBACK_STAGES, label: "capacitybuilding-feedback-field-stage", help: "capacitybuilding-feedback-help-stage" },
    { key: "used", param: "used", kind: "enum", required: false, values: FEEDBACK_USED, label: "capacitybuilding-feedback-field-used", help: "capacitybuilding-feedback-help-used" },
    { key: "comment", param: "comment", kind: "multiline", required: true, min: 1, max: 5e3, label: "capacitybuilding-feedback-field-comment", help: "capacitybuilding-feedback-help-comment" },
    { key: "learned", param: "learned", kind: "multiline", required: false, max: 1e3, label: "capacitybuilding-feedback-field-learned", help: "capacitybuilding-feedback-help-learned" },
    { key: "created", param: "created", kind: "timestamp", required: true, label: "capacitybuilding-feedback-field-created", help: "capacitybuilding-feedback-help-created" }
  ]
};
var EVALUATION_SCHEMA = {
  template: "Capacity evaluation",
  fields: [
    { key: "period", param: "period", kind: "text", required: true, min: 7, max: 7, label: "capacitybuilding-evaluation-field-period", help: "capacitybuilding-evaluation-help-period" },
    { key: "hub", param: "hub", kind: "hub", required: false, label: "capacitybuilding-evaluation-field-hub", help: "capacitybuilding-evaluation-help-hub" },
    { key: "evaluator", param: "evaluator", kind: "user", required: true, label: "capacitybuilding-evaluation-field-evaluator", help: "capacitybuilding-evaluation-help-evaluator" },
    { key: "assessment", param: "assessment", kind: "multiline", required: true, min: 1, max: 1e4, label: "capacitybuilding-evaluation-field-assessment", help: "capacitybuilding-evaluation-help-assessment" },
    { key: "findings", param: "findings", kind: "multiline", required: false, max: 1e4, label: "capacitybuilding-evaluation-field-findings", help: "capacitybuilding-evaluation-help-findings" },
    { key: "recommendations", param: "recommendations", kind: "multiline", required: false, max: 1e4, label: "capacitybuilding-evaluation-field-recommendations", help: "capacitybuilding-evaluation-help-recommendations" },
    { key: "created", param: "created", kind: "timestamp", required: true, label: "capacitybuilding-evaluation-field-created", help: "capacitybuilding-evaluation-help-created" }
  ]
};
function feedbackQuestionLabel(question) {
  return FEEDBACK_SCHEMA.fields.find((field) => field.key === question)?.label ?? null;
}
function emptyRecord(schema) {
  const record = {};
  for (const field of schema.fields) {
    record[field.key] = LIST_KINDS.includes(field.kind) ? [] : "";
  }
  return record;
}
function isOneOf(values, value) {
  return values.includes(value);
}

// modules/core/messages.ts
function problem(field, key, ...params) {
  return { field, key, params };
}

// modules/core/wikitext/preprocessor.ts
var DEFAULT_EXTENSION_TAGS = [
  "pre",
  "nowiki",
  "gallery",
  "indicator",
  "langconvert",
  // Common Wikimedia extensions (Meta-Wiki's list comes from siteinfo when the caller has it).
  "ref",
  "references",
  "templatedata",
  "templatestyles",
  "syntaxhighlight",
  "source",
  "math",
  "chem",
  "ce",
  "poem",
  "score",
  "timeline",
  "hiero",
  "imagemap",
  "inputbox",
  "categorytree",
  "charinsert",
  "section",
  "mapframe",
  "maplink",
  "graph",
  "talkpage",
  "rss",
  "languages",
  "dynamicpagelist",
  "phonos",
  "quiz"
];
var RULES = {
  "{": { end: "}", names: { 2: "template", 3: "tplarg" }, min: 2, max: 3 },
  "[": { end: "]", names: { 2: null }, min: 2, max: 2 },
  "-{": { end: "}-", names: { 2: null }, min: 2, max: 2 }
};
var SPACE_OR_TAB = " 	";
function newPart(start, initial = []) {
  return { start, out: initial, eqIndex: null, eq: null, commentEnd: null, visualEnd: null };
}
function addLiteral(accum, start, end) {
  if (end <= start) {
    return;
  }
  const last = accum[accum.length - 1];
  if (last && last.type === "text" && last.end === start) {
    last.end = end;
  } else {
    accum.push({ type: "text", start, end });
  }
}
function appendAll(accum, nodes) {
  for (const node of nodes) {
    if (node.type === "text") {
      addLiteral(accum, node.start, node.end);
    } else {
      accum.push(node);
    }
  }
}
function spanForward(text2, chars, from, max = Infinity) {
  let n = 0;
  while (n < max && from + n < text2.length && chars.includes(text2[from + n])) {
    n++;
  }
  return n;
}
function spanBackward(text2, chars, before) {
  let n = 0;
  while (before - n - 1 >= 0 && chars.includes(text2[before - n - 1])) {
    n++;
  }
  return n;
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var WS = "[ \\t\\n\\x0B\\f\\r]";
var elementsRegexCache = /* @__PURE__ */ new Map();
function elementsRegexFor(names) {
  const key = names.join("|");
  let regex = elementsRegexCache.get(key);
  if (!regex) {
    regex = new RegExp(`(?:${names.map(escapeRegExp).join("|")})(?=${WS}|\\/>|>)|!--`, "iy");
    elementsRegexCache.set(key, regex);
  }
  return regex;
}
function breakSyntax(piece, openingCount) {
  const result = [];
  if (piece.open === "\n") {
    appendAll(result, piece.parts[0]?.out ?? []);
    return result;
  }
  const count3 = openingCount ?? piece.count;
  const openEnd = piece.start + piece.count;
  const openStart = openingCount === void 0 ? piece.start - piece.savedPrefix.length : openEnd - count3;
  addLiteral(result, openStart, openEnd);
  piece.parts.forEach((part, index) => {
    if (index > 0) {
      addLiteral(result, part.start - 1, part.start);
    }
    appendAll(result, part.out);
  });
  return result;
}
function toPart(builder, end) {
  return { start: builder.start, end, eq: builder.eq, children: builder.out };
}
function preprocess(text2, options = {}) {
  const extensionTags = options.extensionTags ?? DEFAULT_EXTENSION_TAGS;
  const languageConversion = options.languageConversion ?? true;
  const ignoredTags = ["noinclude", "/noinclude", "onlyinclude", "/onlyinclude"];
  const ignoredElements = ["includeonly"];
  const xmlishElements = [...extensionTags, "includeonly"];
  const allowMissingEndTag = ["includeonly", "noinclude", "onlyinclude"];
  const elementsRegex = elementsRegexFor([...xmlishElements, ...ignoredTags]);
  const searchBase = languageConversion ? "[{<\n-" : "[{<\n";
  const root = newPart(0);
  const stack = [];
  const top = () => stack[stack.length - 1];
  const currentPart = () => {
    const piece = top();
    return piece ? piece.parts[piece.parts.length - 1] : root;
  };
  let accum = root.out;
  let findEquals = false;
  let findPipe = false;
  let inHeading = false;
  const noMoreClosingTag = /* @__PURE__ */ new Set();
  let fakeLineStart = true;
  let i = 0;
  const length2 = text2.length;
  const refreshFlags = () => {
    const piece = top();
    accum = currentPart().out;
    if (!piece) {
      findEquals = false;
      findPipe = false;
      inHeading = false;
      return;
    }
    findPipe = piece.open !== "\n" && piece.open !== "[";
    findEquals = findPipe && piece.parts.length > 1 && currentPart().eqIndex === null;
    inHeading = piece.open === "\n";
  };
  while (true) {
    let found;
    let curChar = "";
    let rule = null;
    if (fakeLineStart) {
      found = "line-start";
    } else {
      const currentClosing = top()?.close ?? "";
      const search = searchBase + currentClosing + (findPipe ? "|" : "") + (findEquals ? "=" : "");
      let literalEnd = i;
      while (literalEnd < length2 && !search.includes(text2[literalEnd])) {
        literalEnd++;
      }
      addLiteral(accum, i, literalEnd);
      i = literalEnd;
      if (i >= length2) {
        if (currentClosing === "\n") {
          found = "line-end";
        } else {
          break;
        }
      } else {
        curChar = text2[i];
        const curTwoChar = text2.slice(i, i + 2);
        if (curChar === "|") {
          found = "pipe";
        } else if (curChar === "=") {
          found = "equals";
        } else if (curChar === "<") {
          found = "angle";
        } else if (curChar === "\n") {
          found = inHeading ? "line-end" : "line-start";
        } else if (curTwoChar === currentClosing) {
          found = "close";
          curChar = curTwoChar;
        } else if (curChar === currentClosing) {
          found = "close";
        } else if (RULES[curTwoChar] && (curTwoChar !== "-{" || languageConversion)) {
          curChar = curTwoChar;
          found = "open";
          rule = RULES[curTwoChar];
        } else if (RULES[curChar]) {
          found = "open";
          rule = RULES[curChar];
        } else {
          addLiteral(accum, i, i + 1);
          i++;
          continue;
        }
      }
    }
    if (found === "angle") {
      elementsRegex.lastIndex = i + 1;
      const match = elementsRegex.exec(text2);
      if (!match) {
        addLiteral(accum, i, i + 1);
        i++;
        continue;
      }
      const name = match[0];
      if (name === "!--") {
        const endPos = text2.indexOf("-->", i + 4);
        if (endPos === -1) {
          accum.push({ type: "comment", start: i, end: length2 });
          i = length2;
          continue;
        }
        const wsStart = i ? i - spanBackward(text2, SPACE_OR_TAB, i) : 0;
        let wsEnd = endPos + 3;
        wsEnd += spanForward(text2, SPACE_OR_TAB, wsEnd);
        const comments = [[wsStart, wsEnd]];
        while (text2.startsWith("<!--", wsEnd)) {
          let c = text2.indexOf("-->", wsEnd + 4);
          if (c === -1) {
            break;
          }
          c += 3;
          c += spanForward(text2, SPACE_OR_TAB, c);
          comments.push([wsEnd, c]);
          wsEnd = c;
        }
        let startPos;
        let lastPos;
        if (wsStart > 0 && text2[wsStart - 1] === "\n" && text2[wsEnd] === "\n") {
          const wsLength = i - wsStart;
          const last = accum[accum.length - 1];
          const lastText = last && last.type === "text" && last.end === i ? text2.slice(last.start, last.end) : "";
          if (last && wsLength > 0 && spanBackward(lastText, SPACE_OR_TAB, lastText.length) >= wsLength) {
            last.end -= wsLength;
            if (last.end === last.start) {
              accum.pop();
            }
          }
          const [lastStart, lastEnd] = comments.pop();
          for (const [cStart, cEnd] of comments) {
            accum.push({ type: "comment", start: cStart, end: cEnd });
          }
          startPos = lastStart;
          lastPos = lastEnd;
          fakeLineStart = true;
        } else {
          startPos = i;
          lastPos = endPos + 2;
        }
        const piece = top();
        if (piece) {
          const part = currentPart();
          if (part.commentEnd !== wsStart - 1) {
            part.visualEnd = wsStart;
          }
          part.commentEnd = lastPos;
        }
        i = lastPos + 1;
        accum.push({ type: "comment", start: startPos, end: lastPos + 1 });
        continue;
      }
      const attrStart = i + name.length + 1;
      const tagEndPos = text2.indexOf(">", attrStart);
      if (tagEndPos === -1) {
        addLiteral(accum, i, i + 1);
        i++;
        continue;
      }
      const lowerName = name.toLowerCase();
      if (ignoredTags.includes(lowerName)) {
        accum.push({ type: "ignore", start: i, end: tagEndPos + 1 });
        i = tagEndPos + 1;
        continue;
      }
      const tagStartPos = i;
      let inner;
      if (text2[tagEndPos - 1] === "/") {
        inner = null;
        i = tagEndPos + 1;
      } else {
        const closeRegex = new RegExp(`</${escapeRegExp(name)}${WS}*>`, "gi");
        closeRegex.lastIndex = tagEndPos + 1;
        const close = noMoreClosingTag.has(lowerName) ? null : closeRegex.exec(text2);
        if (close) {
          inner = { start: tagEndPos + 1, end: close.index };
          i = close.index + close[0].length;
        } else if (allowMissingEndTag.includes(name)) {
          inner = { start: tagEndPos + 1, end: length2 };
          i = length2;
        } else {
          i = tagEndPos + 1;
          addLiteral(accum, tagStartPos, i);
          noMoreClosingTag.add(lowerName);
          continue;
        }
      }
      if (ignoredElements.includes(lowerName)) {
        accum.push({ type: "ignore", start: tagStartPos, end: i });
        continue;
      }
      accum.push({ type: "ext", start: tagStartPos, end: i, name, inner });
    } else if (found === "line-start") {
      if (fakeLineStart) {
        fakeLineStart = false;
      } else {
        addLiteral(accum, i, i + 1);
        i++;
      }
      const count3 = spanForward(text2, "=", i, Math.min(length2, 6));
      if (count3 === 1 && findEquals) {
      } else if (count3 > 0) {
        stack.push({
          open: "\n",
          close: "\n",
          count: count3,
          savedPrefix: "",
          start: i,
          parts: [newPart(i, [{ type: "text", start: i, end: i + count3 }])]
        });
        refreshFlags();
        i += count3;
      }
    } else if (found === "line-end") {
      const piece = top();
      const part = currentPart();
      const wsLength = spanBackward(text2, SPACE_OR_TAB, i);
      let searchStart = i - wsLength;
      if (part.commentEnd !== null && part.commentEnd === searchStart - 1) {
        searchStart = part.visualEnd ?? searchStart;
        searchStart -= spanBackward(text2, SPACE_OR_TAB, searchStart);
      }
      const equalsLength = spanBackward(text2, "=", searchStart);
      let element;
      if (equalsLength > 0) {
        let count3;
        if (searchStart - equalsLength === piece.start) {
          count3 = equalsLength < 3 ? 0 : Math.min(6, Math.floor((equalsLength - 1) / 2));
        } else {
          count3 = Math.min(equalsLength, piece.count);
        }
        element = count3 > 0 ? [{ type: "heading", start: piece.start, end: i, level: count3, children: part.out }] : part.out;
      } else {
        element = part.out;
      }
      stack.pop();
      refreshFlags();
      appendAll(accum, element);
    } else if (found === "open") {
      let currentRule = rule;
      let opener = curChar;
      let count3 = opener.length > 1 ? spanForward(text2, opener[opener.length - 1], i + 1) + 1 : spanForward(text2, opener, i);
      let savedPrefix = "";
      if (opener === "-{" && count3 > opener.length) {
        savedPrefix = "-";
        i++;
        opener = "{";
        count3--;
        currentRule = RULES["{"];
      }
      if (count3 >= currentRule.min) {
        stack.push({
          open: opener,
          close: currentRule.end,
          count: count3,
          savedPrefix,
          start: i,
          parts: [newPart(i + count3)]
        });
        refreshFlags();
      } else {
        addLiteral(accum, i - savedPrefix.length, i + count3);
      }
      i += count3;
    } else if (found === "close") {
      const piece = top();
      let maxCount = piece.count;
      if (piece.close === "}-" && curChar === "}") {
        maxCount--;
      }
      const count3 = curChar.length > 1 ? curChar.length : spanForward(text2, curChar, i, maxCount);
      const pieceRule = RULES[piece.open];
      let matchingCount;
      if (count3 > pieceRule.max) {
        matchingCount = pieceRule.max;
      } else {
        matchingCount = count3;
        while (matchingCount > 0 && !(matchingCount in pieceRule.names)) {
          matchingCount--;
        }
      }
      if (matchingCount <= 0) {
        addLiteral(accum, i, i + count3);
        i += count3;
        continue;
      }
      const name = pieceRule.names[matchingCount] ?? null;
      let element;
      if (name === null) {
        element = breakSyntax(piece, matchingCount);
        addLiteral(element, i, i + matchingCount);
      } else {
        const [titleBuilder, ...partBuilders] = piece.parts;
        const ends = [...partBuilders.map((p) => p.start - 1), i];
        element = [{
          type: name,
          start: piece.start + piece.count - matchingCount,
          end: i + matchingCount,
          title: toPart(titleBuilder, ends[0]),
          parts: partBuilders.map((p, index) => toPart(p, ends[index + 1]))
        }];
      }
      i += matchingCount;
      stack.pop();
      refreshFlags();
      if (matchingCount < piece.count) {
        piece.count -= matchingCount;
        piece.parts = [newPart(piece.start + piece.count)];
        if (piece.count >= pieceRule.min) {
          stack.push(piece);
          refreshFlags();
        } else if (piece.count === 1 && piece.open === "{" && piece.savedPrefix === "-") {
          piece.savedPrefix = "";
          piece.open = "-{";
          piece.count = 2;
          piece.start -= 1;
          piece.close = RULES["-{"].end;
          stack.push(piece);
          refreshFlags();
        } else {
          addLiteral(accum, piece.start - piece.savedPrefix.length, piece.start + piece.count);
        }
      } else if (piece.savedPrefix !== "") {
        addLiteral(accum, piece.start - piece.savedPrefix.length, piece.start);
      }
      appendAll(accum, element);
    } else if (found === "pipe") {
      top().parts.push(newPart(i + 1));
      refreshFlags();
      i++;
    } else if (found === "equals") {
      const part = currentPart();
      accum.push({ type: "equals", start: i, end: i + 1 });
      part.eqIndex = accum.length - 1;
      part.eq = i;
      findEquals = false;
      i++;
    }
  }
  for (const piece of stack) {
    appendAll(root.out, breakSyntax(piece));
  }
  return root.out;
}

// modules/core/text.ts
var REPLACEMENT_CHARACTER = "\uFFFD";
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
var LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");
function hasLoneSurrogate(value) {
  return LONE_SURROGATE.test(value);
}
function withoutLoneSurrogates(value) {
  return value.replace(LONE_SURROGATES, REPLACEMENT_CHARACTER);
}
function normalizeText(value) {
  return value.normalize("NFC");
}

// modules/core/wikitext/entities.ts
var NAMED = "AElig:198,Aacute:193,Acirc:194,Agrave:192,Alpha:913,Aring:197,Atilde:195,Auml:196,Beta:914,Ccedil:199,Chi:935,Dagger:8225,Delta:916,ETH:208,Eacute:201,Ecirc:202,Egrave:200,Epsilon:917,Eta:919,Euml:203,Gamma:915,Iacute:205,Icirc:206,Igrave:204,Iota:921,Iuml:207,Kappa:922,Lambda:923,Mu:924,Ntilde:209,Nu:925,OElig:338,Oacute:211,Ocirc:212,Ograve:210,Omega:937,Omicron:927,Oslash:216,Otilde:213,Ouml:214,Phi:934,Pi:928,Prime:8243,Psi:936,Rho:929,Scaron:352,Sigma:931,THORN:222,Tau:932,Theta:920,Uacute:218,Ucirc:219,Ugrave:217,Upsilon:933,Uuml:220,Xi:926,Yacute:221,Yuml:376,Zeta:918,aacute:225,acirc:226,acute:180,aelig:230,agrave:224,alefsym:8501,alpha:945,amp:38,and:8743,ang:8736,aring:229,asymp:8776,atilde:227,auml:228,bdquo:8222,beta:946,brvbar:166,bull:8226,cap:8745,ccedil:231,cedil:184,cent:162,chi:967,circ:710,clubs:9827,cong:8773,copy:169,crarr:8629,cup:8746,curren:164,dArr:8659,dagger:8224,darr:8595,deg:176,delta:948,diams:9830,divide:247,eacute:233,ecirc:234,egrave:232,empty:8709,emsp:8195,ensp:8194,epsilon:949,equiv:8801,eta:951,eth:240,euml:235,euro:8364,exist:8707,fnof:402,forall:8704,frac12:189,frac14:188,frac34:190,frasl:8260,gamma:947,ge:8805,gt:62,hArr:8660,harr:8596,hearts:9829,hellip:8230,iacute:237,icirc:238,iexcl:161,igrave:236,image:8465,infin:8734,int:8747,iota:953,iquest:191,isin:8712,iuml:239,kappa:954,lArr:8656,lambda:955,lang:9001,laquo:171,larr:8592,lceil:8968,ldquo:8220,le:8804,lfloor:8970,lowast:8727,loz:9674,lrm:8206,lsaquo:8249,lsquo:8216,lt:60,macr:175,mdash:8212,micro:181,middot:183,minus:8722,mu:956,nabla:8711,nbsp:160,ndash:8211,ne:8800,ni:8715,not:172,notin:8713,nsub:8836,ntilde:241,nu:957,oacute:243,ocirc:244,oelig:339,ograve:242,oline:8254,omega:969,omicron:959,oplus:8853,or:8744,ordf:170,ordm:186,oslash:248,otilde:245,otimes:8855,ouml:246,para:182,part:8706,permil:8240,perp:8869,phi:966,pi:960,piv:982,plusmn:177,pound:163,prime:8242,prod:8719,prop:8733,psi:968,quot:34,rArr:8658,radic:8730,rang:9002,raquo:187,rarr:8594,rceil:8969,rdquo:8221,real:8476,reg:174,rfloor:8971,rho:961,rlm:8207,rsaquo:8250,rsquo:8217,sbquo:8218,scaron:353,sdot:8901,sect:167,shy:173,sigma:963,sigmaf:962,sim:8764,spades:9824,sub:8834,sube:8838,sum:8721,sup:8835,sup1:185,sup2:178,sup3:179,supe:8839,szlig:223,tau:964,there4:8756,theta:952,thetasym:977,thinsp:8201,thorn:254,tilde:732,times:215,trade:8482,uArr:8657,uacute:250,uarr:8593,ucirc:251,ugrave:249,uml:168,upsih:978,upsilon:965,uuml:252,weierp:8472,xi:958,yacute:253,yen:165,yuml:255,zeta:950,zwj:8205,zwnj:8204,apos:39";
var namedTable = null;
function named() {
  if (namedTable === null) {
    namedTable = new Map(NAMED.split(",").map((pair) => {
      const [name, codePoint] = pair.split(":");
      return [name, Number(codePoint)];
    }));
  }
  return namedTable;
}
function fromCodePoint(value, report) {
  if (value > 1114111) {
    return null;
  }
  if (value >= 55296 && value <= 57343) {
    if (report) {
      report.surrogate = true;
    }
    return REPLACEMENT_CHARACTER;
  }
  return String.fromCodePoint(value);
}
function decodeEntities(text2, report) {
  if (!text2.includes("&")) {
    return text2;
  }
  return text2.replace(
    /&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));/g,
    (whole, decimal, hex, name) => {
      if (name !== void 0) {
        const namedCodePoint = named().get(name);
        return namedCodePoint === void 0 ? whole : String.fromCodePoint(namedCodePoint);
      }
      const numeric = decimal !== void 0 ? Number(decimal) : parseInt(hex, 16);
      return fromCodePoint(numeric, report) ?? whole;
    }
  );
}

// modules/core/wikitext/values.ts
var PHP_TRIM = " 	\n\r\0\v";
var INERT = /^[\p{L}\p{N}\p{M} .,()?!'"@%+/\-–—’‘“”«»]*$/u;
var MAGIC_LINK = /\b(?:ISBN|RFC|PMID)\b/;
function isInert(value, style = "text") {
  if (value === "") {
    return true;
  }
  const withoutColons = style === "page" && !value.includes("//") ? value.replace(/:/g, "") : value.replace(new RegExp("(?<=\\p{N}):", "gu"), "");
  return INERT.test(withoutColons) && /^[\p{L}\p{N}("'“‘«]/u.test(value) && !/[\s]$/u.test(value) && !value.includes("''") && !value.includes("!!") && !MAGIC_LINK.test(value) && !(style === "listItem" && value.includes(",")) && value.normalize("NFC") === value;
}
function hexReference(codePoint) {
  return `&#x${codePoint.toString(16).toUpperCase()};`;
}
function isUnstorable(codePoint) {
  return codePoint < 32 && codePoint !== 9 && codePoint !== 10 || codePoint >= 127 && codePoint <= 159 || codePoint >= 55296 && codePoint <= 57343 || codePoint >= 64976 && codePoint <= 65007 || // U+FFFE, U+FFFF, U+1FFFE, U+1FFFF…
  codePoint % 65536 >= 65534;
}
var COMBINING = new RegExp("\\p{M}", "u");
function isJamo(codePoint) {
  return codePoint >= 4352 && codePoint <= 4607 || codePoint >= 43360 && codePoint <= 43391 || codePoint >= 55216 && codePoint <= 55295;
}
function codePoints(value) {
  const result = [];
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 55296 && unit <= 56319 && next >= 56320 && next <= 57343) {
      result.push((unit - 55296) * 1024 + (next - 56320) + 65536);
      i++;
    } else {
      result.push(unit);
    }
  }
  return result;
}
function isWellFormed(value) {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}
function escapeForNowiki(value) {
  const points = codePoints(value);
  const stable = isWellFormed(value) && value.normalize("NFC") === value;
  let out = "";
  points.forEach((codePoint, index) => {
    const char = String.fromCodePoint(codePoint);
    if (codePoint === 38) {
      out += "&amp;";
    } else if (codePoint === 60) {
      out += "&lt;";
    } else if (isUnstorable(codePoint)) {
      out += hexReference(codePoint);
    } else if (COMBINING.test(char) && (!stable || index === 0)) {
      out += hexReference(codePoint);
    } else if (!stable && (isJamo(codePoint) || char.normalize("NFC") !== char)) {
      out += hexReference(codePoint);
    } else {
      out += char;
    }
  });
  return out;
}
function encodeValue(value, style = "text") {
  const text2 = normalizeText(value);
  return isInert(text2, style) ? text2 : `<nowiki>${escapeForNowiki(text2)}</nowiki>`;
}
var TEXT_MARKUP = /\[\[|\]\]|~~~|__[A-Z]+__|''|\[(?:https?:)?\/\//;
function segmentsOf(source, nodes, report) {
  const segments = [];
  const raw = (text2) => {
    const last = segments[segments.length - 1];
    if (last && last.kind === "raw") {
      last.text += text2;
    } else {
      segments.push({ kind: "raw", text: text2 });
    }
  };
  for (const node of nodes) {
    switch (node.type) {
      case "text":
      case "equals":
        raw(source.slice(node.start, node.end));
        break;
      case "comment":
      case "ignore":
        break;
      case "heading":
        segments.push(...segmentsOf(source, node.children, report));
        break;
      case "ext":
        if (node.name.toLowerCase() === "nowiki") {
          const inner = node.inner ? source.slice(node.inner.start, node.inner.end) : "";
          segments.push({ kind: "literal", text: decodeEntities(inner, report) });
        } else {
          segments.push({ kind: "markup", text: source.slice(node.start, node.end) });
        }
        break;
      default:
        segments.push({ kind: "markup", text: source.slice(node.start, node.end) });
    }
  }
  return segments;
}
function trimStartChars(text2) {
  let i = 0;
  while (i < text2.length && PHP_TRIM.includes(text2[i])) {
    i++;
  }
  return text2.slice(i);
}
function trimEndChars(text2) {
  let i = text2.length;
  while (i > 0 && PHP_TRIM.includes(text2[i - 1])) {
    i--;
  }
  return text2.slice(0, i);
}
function finish(segments, report) {
  const parts = segments.map((s) => ({ ...s }));
  while (parts.length && parts[0]?.kind === "raw") {
    const first = parts[0];
    first.text = trimStartChars(first.text);
    if (first.text !== "") {
      break;
    }
    parts.shift();
  }
  while (parts.length && parts[parts.length - 1]?.kind === "raw") {
    const last = parts[parts.length - 1];
    last.text = trimEndChars(last.text);
    if (last.text !== "") {
      break;
    }
    parts.pop();
  }
  let markup = false;
  const value = parts.map((part) => {
    if (part.kind === "raw") {
      markup = markup || TEXT_MARKUP.test(part.text);
      return decodeEntities(part.text, report);
    }
    markup = markup || part.kind === "markup";
    return part.text;
  }).join("");
  const invalid = report.surrogate || hasLoneSurrogate(value);
  return { value: normalizeText(withoutLoneSurrogates(value)), markup, invalid };
}
function decodeValue(source, nodes) {
  const report = { surrogate: false };
  return finish(segmentsOf(source, nodes, report), report);
}
function decodeList(source, nodes) {
  const items2 = [[]];
  const report = { surrogate: false };
  for (const segment of segmentsOf(source, nodes, report)) {
    if (segment.kind !== "raw") {
      items2[items2.length - 1].push(segment);
      continue;
    }
    segment.text.split(",").forEach((piece, index) => {
      if (index > 0) {
        items2.push([]);
      }
      items2[items2.length - 1].push({ kind: "raw", text: piece });
    });
  }
  let markup = false;
  let invalid = false;
  const values = [];
  for (const item of items2) {
    const decoded = finish(item, { surrogate: false });
    markup = markup || decoded.markup;
    invalid = invalid || decoded.invalid;
    const hasLiteral = item.some((s) => s.kind !== "raw");
    if (decoded.value !== "" || hasLiteral) {
      values.push(decoded.value);
    }
  }
  return { items: values, markup, invalid: invalid || report.surrogate };
}

// modules/core/wikitext/codec.ts
function templateName(source, title) {
  let name = "";
  for (const node of title.children) {
    if (node.type === "text") {
      name += source.slice(node.start, node.end);
    } else if (node.type !== "comment" && node.type !== "ignore") {
      return null;
    }
  }
  name = name.replace(/_/g, " ").replace(/[\s\u00A0]+/g, " ").trim();
  const prefixed = /^template\s*:\s*(.*)$/i.exec(name);
  if (prefixed) {
    name = prefixed[1];
  } else if (name.includes(":")) {
    return null;
  }
  if (name === "") {
    return null;
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}
function findTemplateCalls(text2, template, options = {}) {
  const wanted = templateNameOf(template);
  const calls2 = [];
  const visit = (nodes) => {
    for (const node of nodes) {
      if (node.type === "template" && templateName(text2, node.title) === wanted) {
        calls2.push(node);
      } else if (node.type === "heading") {
        visit(node.children);
      }
    }
  };
  visit(preprocess(text2, options));
  return calls2;
}
function templateNameOf(template) {
  return template.charAt(0).toUpperCase() + template.slice(1);
}
function isList(field) {
  return LIST_KINDS.includes(field.kind);
}
function nameOf(source, nodes) {
  return decodeValue(source, nodes).value;
}
function parseTemplateCall(source, call, schema) {
  const record = emptyRecord(schema);
  const byParam = new Map(schema.fields.map((field) => [field.param, field]));
  const diagnostics = [];
  const seen = /* @__PURE__ */ new Set();
  const extras = [];
  let position = 0;
  for (const part of call.parts) {
    if (part.eq === null) {
      position++;
      if (decodeValue(source, part.children).value !== "") {
        diagnostics.push(problem(null, "capacitybuilding-codec-positional-parameter", position));
      }
      continue;
    }
    const eq = part.eq;
    const nameNodes = part.children.filter((node) => node.end <= eq);
    const valueNodes = part.children.filter((node) => node.start > eq);
    const name = nameOf(source, nameNodes);
    if (seen.has(name)) {
      diagnostics.push(problem(byParam.get(name)?.key ?? null, "capacitybuilding-codec-duplicate-parameter", name));
    }
    seen.add(name);
    const field = byParam.get(name);
    if (!field) {
      const valueSource = source.slice(eq + 1, part.end).trim();
      const existing = extras.findIndex((extra) => extra.name === name);
      if (existing !== -1) {
        extras.splice(existing, 1);
      }
      extras.push({ name, source: valueSource });
      diagnostics.push(problem(null, "capacitybuilding-codec-unknown-parameter", name));
      continue;
    }
    const { value, markup, invalid } = isList(field) ? ((list3) => ({ ...list3, value: list3.items }))(decodeList(source, valueNodes)) : decodeValue(source, valueNodes);
    record[field.key] = value;
    if (markup) {
      diagnostics.push(problem(field.key, "capacitybuilding-codec-markup", field.param));
    }
    if (invalid) {
      diagnostics.push(problem(field.key, "capacitybuilding-codec-lone-surrogate", field.param));
    }
  }
  return { record, start: call.start, end: call.end, extras, diagnostics };
}
function parsePage(text2, schema, options = {}) {
  const calls2 = findTemplateCalls(text2, schema.template, options);
  const first = calls2[0];
  if (!first) {
    return { parsed: null, diagnostics: [problem(null, "capacitybuilding-codec-missing-template", schema.template)] };
  }
  const parsed = parseTemplateCall(text2, first, schema);
  const diagnostics = [...parsed.diagnostics];
  if (calls2.length > 1) {
    diagnostics.push(problem(null, "capacitybuilding-codec-duplicate-template", schema.template, calls2.length));
  }
  return { parsed, diagnostics };
}
function parseAll(text2, schema, options = {}) {
  return findTemplateCalls(text2, schema.template, options).map((call) => parseTemplateCall(text2, call, schema));
}

// bot/bots.ts
var NOTICE_MESSAGE_TYPE = "capacitybuilding";
function calls(text2, options) {
  const found = [];
  const visit = (nodes) => {
    for (const node of nodes) {
      if (node.type === "template") {
        const name = templateName(text2, node.title);
        if (name === "Bots" || name === "Nobots") {
          found.push(node);
        }
        for (const part of node.parts) {
          visit(part.children);
        }
      } else if (node.type === "heading") {
        visit(node.children);
      }
    }
  };
  visit(preprocess(text2, options));
  return found.sort((a, b) => a.start - b.start);
}
function list(value) {
  return value.split(",").map((item) => item.replace(/_/g, " ").trim().toLowerCase()).filter((item) => item !== "");
}
function botsRule(text2, botName, messageType, options = {}) {
  const name = botName.replace(/_/g, " ").trim().toLowerCase();
  for (const call of calls(text2, options)) {
    const shown = text2.slice(call.start, call.end).replace(/\s+/g, " ").slice(0, 120);
    if (templateName(text2, call.title) === "Nobots") {
      return { allowed: false, template: shown, by: "nobots" };
    }
    for (const part of call.parts) {
      if (part.eq === null) {
        continue;
      }
      const eq = part.eq;
      const key = decodeValue(text2, part.children.filter((n) => n.end <= eq)).value.trim().toLowerCase();
      const values = list(decodeValue(text2, part.children.filter((n) => n.start > eq)).value);
      if (key === "allow" && (values.includes("none") || !values.includes("all") && !values.includes(name))) {
        return { allowed: false, template: shown, by: "allow" };
      }
      if (key === "deny" && !values.includes("none") && (values.includes("all") || values.includes(name))) {
        return { allowed: false, template: shown, by: "deny" };
      }
      if (key === "optout" && messageType !== null && (values.includes("all") || values.includes(messageType.toLowerCase()))) {
        return { allowed: false, template: shown, by: "optout" };
      }
    }
  }
  return { allowed: true };
}

// bot/publish/json.ts
var import_node_crypto = __toESM(require("node:crypto"));
function loneSurrogates(value) {
  const found = [];
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 55296 && unit <= 56319) {
      const next = value.charCodeAt(i + 1);
      if (next >= 56320 && next <= 57343) {
        i++;
      } else {
        found.push(i);
      }
    } else if (unit >= 56320 && unit <= 57343) {
      found.push(i);
    }
  }
  return found;
}
function storableText(value) {
  let text2 = value;
  const lone = loneSurrogates(text2);
  if (lone.length) {
    const units = text2.split("");
    lone.forEach((i) => {
      units[i] = "\uFFFD";
    });
    text2 = units.join("");
  }
  return text2.normalize("NFC").replace(/[\uFFFE\uFFFF]/g, "\uFFFD");
}
var SHORT_ESCAPES = {
  '"': '\\"',
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "<": "\\u003C",
  ">": "\\u003E",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029"
};
var MARK = new RegExp("^\\p{M}$", "u");
function escapeUnit(code) {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
function jsonString(value) {
  const text2 = storableText(value);
  let out = '"';
  let afterEscape = false;
  for (const char of text2) {
    const code = char.codePointAt(0);
    const short = SHORT_ESCAPES[char];
    if (short !== void 0) {
      out += short;
      afterEscape = true;
    } else if (code < 32) {
      out += escapeUnit(code);
      afterEscape = true;
    } else if (afterEscape && MARK.test(char)) {
      out += [...char].map((c) => escapeUnit(c.charCodeAt(0))).join("");
    } else {
      out += char;
      afterEscape = false;
    }
  }
  return `${out}"`;
}
function jsonNumber(value) {
  if (!Number.isFinite(value)) {
    return "null";
  }
  const plain = JSON.stringify(value);
  if (/^-?\d+$/.test(plain) && Math.abs(value) < 2 ** 63) {
    return plain;
  }
  const [mantissa, exponentText] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent < -4 || exponent > 16) {
    const decimals = digits.length > 1 ? digits.slice(1) : "0";
    return `${sign}${digits[0]}.${decimals}e${exponent < 0 ? "-" : "+"}${Math.abs(exponent)}`;
  }
  if (exponent < 0) {
    return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  }
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ".0"}`;
}
function encode(value, indent) {
  if (value === null || value === void 0) {
    return "null";
  }
  if (typeof value === "string") {
    return jsonString(value);
  }
  if (typeof value === "number") {
    return jsonNumber(value);
  }
  if (typeof value === "boolean") {
    return value ? "true" : "false";
  }
  const inner = `${indent}	`;
  if (Array.isArray(value)) {
    if (!value.length) {
      return "[]";
    }
    return `[
${value.map((item) => inner + encode(item, inner)).join(",\n")}
${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== void 0);
  if (!entries.length) {
    return "{}";
  }
  return `{
${entries.map(([key, v]) => `${inner}${jsonString(key)}: ${encode(v, inner)}`).join(",\n")}
${indent}}`;
}
function mediaWikiJson(value, indent = "") {
  return encode(value, indent);
}
function textSha1(text2) {
  return import_node_crypto.default.createHash("sha1").update(text2, "utf8").digest("hex");
}
function byteLength(text2) {
  return Buffer.byteLength(text2, "utf8");
}

// bot/edits.ts
var ShutOffError = class extends Error {
};
async function queryPages(client, titles, content) {
  const pages = /* @__PURE__ */ new Map();
  const rvprop = ["ids", "timestamp", "user", "contentmodel", "sha1", ...content ? ["content"] : []];
  for (let i = 0; i < titles.length; i += client.batchSize) {
    const batch = titles.slice(i, i + client.batchSize);
    const normalized = /* @__PURE__ */ new Map();
    const pending = /* @__PURE__ */ new Map();
    let next = {};
    while (next) {
      const response = await client.request({
        action: "query",
        titles: batch,
        prop: "revisions",
        rvprop,
        rvslots: "main",
        ...next
      });
      for (const entry of response.query?.normalized ?? []) {
        normalized.set(entry.to, entry.from);
      }
      for (const page of response.query?.pages ?? []) {
        const title = page.title;
        const revision = page.revisions?.[0];
        if (!revision && !page.missing && !page.invalid) {
          if (!pages.has(title)) {
            pending.set(title, page);
          }
          continue;
        }
        pending.delete(title);
        const slot = revision?.slots?.main;
        const state = {
          title,
          exists: revision !== void 0,
          text: slot?.content ?? "",
          contentModel: slot?.contentmodel ?? "",
          revid: revision?.revid ?? 0,
          timestamp: revision?.timestamp ?? "",
          user: revision?.user ?? "",
          sha1: revision?.sha1 ?? slot?.sha1 ?? ""
        };
        pages.set(title, state);
      }
      next = response.continue;
    }
    for (const [title, page] of pending) {
      pages.set(title, { title, exists: !page.missing, text: "", contentModel: "", revid: 0, timestamp: "", user: "", sha1: "" });
    }
    for (const [to, from] of normalized) {
      const state = pages.get(to);
      if (state) {
        pages.set(from, state);
      }
    }
  }
  return pages;
}
function readPages(client, titles) {
  return queryPages(client, titles, true);
}
function readPageInfo(client, titles) {
  return queryPages(client, titles, false);
}
function botsAllow(text2, botName) {
  return botsRule(text2, botName, null).allowed;
}
var REFUSED_POST_CODES = /* @__PURE__ */ new Set([
  "protectedpage",
  "cascadeprotected",
  "protectednamespace",
  "protectedtitle",
  "abusefilter-disallowed",
  "abusefilter-warning",
  "spamblacklist",
  "titleblacklist-forbidden",
  "missingtitle",
  "pagedeleted",
  "noedit",
  "noedit-anon",
  "customcssjsprotected",
  "contenttoobig",
  "invalidtitle",
  "confirmemail"
]);
var SYSTEMIC_ERRORS = /* @__PURE__ */ new Set([
  "assertuserfailed",
  "assertbotfailed",
  "assertnameduserfailed",
  "badtoken",
  "notoken",
  "readonly",
  "maxlag",
  "ratelimited",
  "blocked",
  "autoblocked",
  "writeapidenied",
  "noapiwrite",
  "mwoauth-invalid-authorization",
  "mwoauth-invalid-authorization-invalid-user",
  "mustbeloggedin"
]);
var Editor = class {
  client;
  logger;
  options;
  stopChecked = false;
  /** Edits made (not counting skipped or unchanged pages). */
  edits = 0;
  /** Edit requests sent (a "nochange" answer and a refused edit count too). */
  requests = 0;
  skipped = [];
  messages;
  constructor(client, logger, options) {
    this.client = client;
    this.logger = logger;
    this.options = options;
    this.messages = options.messages ?? new Messages("en");
  }
  /** Whether this editor only shows its edits. */
  get dryRun() {
    return this.options.dryRun;
  }
  /** Fails when someone wrote on the shut-off page. Checked once, before the first write. */
  async checkShutOff() {
    if (this.stopChecked) {
      return;
    }
    const stop = (await readPages(this.client, [this.options.stopPage])).get(this.options.stopPage);
    if (stop?.exists && stop.text.trim() !== "") {
      throw new ShutOffError(this.messages.text("capacitybuilding-bot-error-shut-off", this.options.stopPage, stop.text.trim().slice(0, 200)));
    }
    this.stopChecked = true;
  }
  async apply(edit) {
    return (await this.write(edit)).outcome;
  }
  /**
   * Makes one edit (or says why not) and gives the page's revision afterwards: the new one, or
   * the base's when nothing changed (0 when the page was not written). A failure that concerns this
   * page only (the wiki refused it: too big, invalid JSON, an abuse filter, protection…) is one
   * skipped page, reported, never an exception; failures that concern every edit (the wiki is
   * unreachable, the session is lost, the bot is blocked, the shut-off page) are thrown.
   *
   * @param edit The edit; its text is sent as MediaWiki stores it (NFC, see storableText)
   */
  async write(edit) {
    const unchanged = { outcome: "unchanged", revid: edit.base?.revid ?? 0 };
    if (loneSurrogates(edit.text).length) {
      this.skip(edit.title, this.messages.text("capacitybuilding-bot-skip-not-saved", "lone UTF-16 surrogate"));
      return { outcome: "skipped", revid: 0 };
    }
    const text2 = storableText(edit.text);
    if (edit.base?.exists && edit.base.text === text2) {
      return unchanged;
    }
    if (edit.base?.exists && (edit.contentModel ?? "wikitext") === "wikitext" && !botsAllow(edit.base.text, this.client.user.name)) {
      this.skip(edit.title, this.messages.text("capacitybuilding-bot-skip-nobots"));
      return { outcome: "skipped", revid: 0 };
    }
    if (this.options.dryRun) {
      const before = edit.base?.exists ? edit.base.text : "";
      this.logger.info(
        (0, import_diff.createTwoFilesPatch)(
          this.messages.text("capacitybuilding-bot-dry-run-now", edit.title),
          this.messages.text("capacitybuilding-bot-dry-run-after", edit.title),
          `${before}
`,
          `${text2}
`,
          "",
          "",
          { context: 2 }
        ).trimEnd(),
        { title: edit.title, dryRun: true }
      );
      return { outcome: edit.base?.exists ? "would-edit" : "would-create", revid: 0 };
    }
    await this.checkShutOff();
    const creating = !edit.base?.exists;
    const params = {
      action: "edit",
      title: edit.title,
      text: text2,
      summary: edit.summary,
      bot: true,
      token: this.client.mwn.csrfToken,
      ...edit.contentModel === "json" ? { contentmodel: "json", contentformat: "application/json" } : {},
      // Plain text (the open-data CSV files): shown as it is, never parsed as wikitext.
      ...edit.contentModel === "text" ? { contentmodel: "text", contentformat: "text/plain" } : {},
      ...this.options.tag ? { tags: this.options.tag } : {}
    };
    if (creating) {
      params.createonly = true;
    } else if (edit.base) {
      params.nocreate = true;
      params.baserevid = edit.base.revid;
      params.starttimestamp = edit.base.timestamp;
    }
    this.requests++;
    try {
      const response = await this.client.request(params);
      const result = response.edit;
      if (result?.result !== "Success") {
        this.skip(edit.title, this.messages.text("capacitybuilding-bot-skip-not-saved", JSON.stringify(result)));
        return { outcome: "skipped", revid: 0 };
      }
      if (result.nochange) {
        return unchanged;
      }
      this.edits++;
      this.logger.info(this.messages.text(creating ? "capacitybuilding-bot-log-created" : "capacitybuilding-bot-log-edited", edit.title), { title: edit.title });
      return { outcome: creating ? "created" : "edited", revid: result.newrevid ?? 0 };
    } catch (error) {
      const reason = this.failure(error);
      if (reason === null) {
        throw error;
      }
      this.skip(edit.title, reason);
      return { outcome: "skipped", revid: 0 };
    }
  }
  /**
   * Posts a new section (`section=new`): signed text appended at the end, so no human edit can be
   * overwritten and no base revision is needed. Keeps every other safety: `{{bots}}`/`{{nobots}}`
   * (with `optout=` for the message type), the shut-off page, maxlag, and `--dry-run` (which prints
   * the post in full and saves nothing). Never a minor edit (a minor bot edit on a user talk page
   * notifies nobody). The edit is sent once: a network failure is thrown, not retried, because it
   * may have been saved (the caller checks the wiki before posting again).
   *
   * @param post
   */
  async appendSection(post) {
    if (post.base?.exists && (post.base.contentModel === "" || post.base.contentModel === "wikitext")) {
      const rule = botsRule(
        post.base.text,
        this.client.user.name,
        post.messageType,
        { extensionTags: this.client.site.extensionTags }
      );
      if (!rule.allowed) {
        return { outcome: "denied", rule };
      }
    }
    if (this.options.dryRun) {
      this.logger.info(
        this.messages.text("capacitybuilding-bot-dry-run-post", post.title, post.sectionTitle, post.summary, post.text),
        {
          title: post.title,
          sectionTitle: post.sectionTitle,
          summary: post.summary,
          text: post.text,
          dryRun: true
        }
      );
      return { outcome: "would-post" };
    }
    await this.checkShutOff();
    const response = await this.client.postOnce({
      action: "edit",
      title: post.title,
      section: "new",
      sectiontitle: post.sectionTitle,
      text: post.text,
      summary: post.summary,
      bot: true,
      notminor: true,
      token: this.client.mwn.csrfToken,
      ...post.mayCreate ? {} : { nocreate: true },
      ...this.options.tag ? { tags: this.options.tag } : {}
    });
    const result = response.edit;
    if (result?.result !== "Success" || !result.newrevid) {
      throw new Error(`Unexpected answer to a new section on ${post.title}: ${JSON.stringify(result)}`);
    }
    this.edits++;
    this.logger.info(this.messages.text("capacitybuilding-bot-log-posted", post.title, post.sectionTitle), { title: post.title, revid: result.newrevid });
    return { outcome: "posted", revid: result.newrevid };
  }
  /** Takes the shut-off page as already read (saves a request when the caller read it in a batch). */
  noteShutOff(stop) {
    if (stop?.exists && stop.text.trim() !== "") {
      throw new ShutOffError(this.messages.text("capacitybuilding-bot-error-shut-off", this.options.stopPage, stop.text.trim().slice(0, 200)));
    }
    this.stopChecked = true;
  }
  /** The shut-off page's title. */
  get stopPage() {
    return this.options.stopPage;
  }
  /** Why an edit failed when the failure concerns this page only; null when it concerns every edit. */
  failure(error) {
    if (error instanceof import_mwn.MwnError) {
      const code = error.code ?? "";
      if (code === "editconflict" || code === "articleexists") {
        return this.messages.text(code === "articleexists" ? "capacitybuilding-bot-skip-created-meanwhile" : "capacitybuilding-bot-skip-edit-conflict");
      }
      if (code === "" || SYSTEMIC_ERRORS.has(code) || /^E[A-Z]+$/.test(code)) {
        return null;
      }
      return this.messages.text("capacitybuilding-bot-skip-not-saved", `${code}: ${error.info ?? ""}`.trim());
    }
    const status = error.response?.status;
    if (error instanceof URIError || status === 413) {
      return this.messages.text("capacitybuilding-bot-skip-not-saved", status === 413 ? "HTTP 413" : error.message);
    }
    return null;
  }
  skip(title, reason) {
    this.skipped.push({ title, reason });
    this.logger.warn(this.messages.text("capacitybuilding-bot-log-skipped", title, reason), { title });
  }
};

// bot/log.ts
var ORDER = { debug: 0, info: 1, warn: 2, error: 3 };
var Logger = class {
  minimum;
  json;
  write;
  interactive;
  label;
  secrets = /* @__PURE__ */ new Set();
  progressShown = false;
  constructor(options = {}) {
    this.minimum = options.verbose ? "debug" : options.quiet ? "warn" : "info";
    this.json = options.json ?? false;
    this.interactive = !this.json && (options.interactive ?? Boolean(process.stderr.isTTY));
    this.label = options.label ?? ((level, message) => `${level}: ${message}`);
    this.write = options.write ?? ((line, level) => {
      (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}
`);
    });
  }
  /** Never print this value (a password, a token). */
  redact(secret) {
    if (secret && secret.length >= 4) {
      this.secrets.add(secret);
    }
  }
  scrub(text2) {
    let out = text2;
    for (const secret of this.secrets) {
      out = out.split(secret).join("[redacted]");
    }
    return out;
  }
  log(level, message, data = {}) {
    if (ORDER[level] < ORDER[this.minimum]) {
      return;
    }
    this.clearProgress();
    if (this.json) {
      const record = { time: (/* @__PURE__ */ new Date()).toISOString(), level, message, ...data };
      this.write(this.scrub(JSON.stringify(record)), level);
      return;
    }
    const details = this.minimum === "debug" && Object.keys(data).length ? ` ${JSON.stringify(data)}` : "";
    const line = level === "warn" || level === "error" ? this.label(level, message) : message;
    this.write(this.scrub(`${line}${details}`), level);
  }
  debug(message, data) {
    this.log("debug", message, data);
  }
  info(message, data) {
    this.log("info", message, data);
  }
  warn(message, data) {
    this.log("warn", message, data);
  }
  error(message, data) {
    this.log("error", message, data);
  }
  /** Shows how far long work has got: a bar on a terminal, an occasional line otherwise. */
  progress(label2, done, total2) {
    if (this.minimum === "warn") {
      return;
    }
    if (this.interactive) {
      const width = 30;
      const filled = total2 > 0 ? Math.round(width * done / total2) : width;
      process.stderr.write(`\r${label2} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total2}`);
      this.progressShown = true;
      if (done >= total2) {
        this.clearProgress();
      }
    } else if (done === total2 || done % 500 === 0) {
      this.debug(`${label2}: ${done}/${total2}`, { done, total: total2 });
    }
  }
  clearProgress() {
    if (this.progressShown) {
      process.stderr.write("\r\x1B[K");
      this.progressShown = false;
    }
  }
};

// sql/dialect.ts
var import_better_sqlite3 = __toESM(require("better-sqlite3"));
var import_kysely = require("kysely");
var import_mysql2 = require("mysql2");
var import_node_fs4 = __toESM(require("node:fs"));
var import_node_path3 = __toESM(require("node:path"));
var STORE_URL_PROBLEMS = {
  "no-file": ["capacitybuilding-bot-error-store-url-no-file", "no file"],
  "not-url": ["capacitybuilding-bot-error-store-url-not-url", "not a valid URL"],
  "no-database": ["capacitybuilding-bot-error-store-url-no-database", "no database"],
  "unknown-kind": ["capacitybuilding-bot-error-store-url-unknown-kind", "unknown kind of store"]
};
var StoreUrlError = class extends Error {
  shown;
  reason;
  constructor(shown, problem2) {
    const [reason, english2] = STORE_URL_PROBLEMS[problem2];
    super(english2);
    this.shown = shown;
    this.reason = reason;
  }
};
function hidePassword(url) {
  return url.replace(/:\/\/([^:@/]*):[^@/]*@/, "://$1:***@");
}
function parseStoreUrl(url) {
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (file === "") {
      throw new StoreUrlError(url, "no-file");
    }
    return { kind: "sqlite", display: url, file };
  }
  if (/^(mysql|mariadb):\/\//.test(url)) {
    let parsed;
    try {
      parsed = new URL(url.replace(/^mariadb:/, "mysql:"));
    } catch {
      throw new StoreUrlError(hidePassword(url), "not-url");
    }
    if (parsed.pathname.length < 2) {
      throw new StoreUrlError(hidePassword(url), "no-database");
    }
    const shown = new URL(parsed.href);
    if (shown.password) {
      shown.password = "***";
    }
    return { kind: "mysql", display: shown.href, mysql: parsed };
  }
  throw new StoreUrlError(hidePassword(url), "unknown-kind");
}
function openDatabase(url) {
  const target = parseStoreUrl(url);
  if (target.kind === "sqlite") {
    const file = target.file;
    if (file !== ":memory:") {
      import_node_fs4.default.mkdirSync(import_node_path3.default.dirname(import_node_path3.default.resolve(file)), { recursive: true });
    }
    const database = new import_better_sqlite3.default(file);
    database.pragma("journal_mode = WAL");
    database.pragma("busy_timeout = 10000");
    return { db: new import_kysely.Kysely({ dialect: new import_kysely.SqliteDialect({ database }) }), target };
  }
  const parsed = target.mysql;
  const socket = parsed.searchParams.get("socket");
  const pool = (0, import_mysql2.createPool)({
    ...socket ? { socketPath: socket } : {
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 3306
    },
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    charset: "utf8mb4_bin",
    connectionLimit: 2,
    maxIdle: 0,
    idleTimeout: 1e3,
    supportBigNumbers: true
  });
  return { db: new import_kysely.Kysely({ dialect: new import_kysely.MysqlDialect({ pool }) }), target };
}
function tableOptions(db) {
  return isMysql(db) ? import_kysely.sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin` : import_kysely.sql``;
}
function isMysql(db) {
  return db.getExecutor().adapter instanceof import_kysely.MysqlAdapter;
}

// sql/migrate.ts
var import_kysely6 = require("kysely");

// sql/migrations/001_initial.ts
var initial_exports = {};
__export(initial_exports, {
  down: () => down,
  up: () => up
});
var import_kysely2 = require("kysely");
var LONG_TEXT = import_kysely2.sql`mediumtext`;
async function up(db) {
  const options = tableOptions(db);
  await db.schema.createTable("requests").addColumn("number", "integer", (c) => c.primaryKey()).addColumn("page", "varchar(255)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("updated", "varchar(32)", (c) => c.notNull()).addColumn("status", "varchar(64)", (c) => c.notNull()).addColumn("record", LONG_TEXT, (c) => c.notNull()).addColumn("feedback", LONG_TEXT, (c) => c.notNull()).modifyEnd(options).execute();
  await db.schema.createTable("coaches").addColumn("user", "varchar(255)", (c) => c.primaryKey()).addColumn("page", "varchar(255)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("updated", "varchar(32)", (c) => c.notNull()).addColumn("record", LONG_TEXT, (c) => c.notNull()).modifyEnd(options).execute();
  await db.schema.createTable("hubs").addColumn("hub_key", "varchar(255)", (c) => c.primaryKey()).addColumn("page", "varchar(255)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("updated", "varchar(32)", (c) => c.notNull()).addColumn("record", LONG_TEXT, (c) => c.notNull()).modifyEnd(options).execute();
  await db.schema.createTable("status_history").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("request_number", "integer", (c) => c.notNull()).addColumn("from_status", "varchar(64)", (c) => c.notNull()).addColumn("to_status", "varchar(64)", (c) => c.notNull()).addColumn("user", "varchar(255)", (c) => c.notNull()).addColumn("at", "varchar(32)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addUniqueConstraint("status_history_revision", ["request_number", "revid"]).modifyEnd(options).execute();
  await db.schema.createTable("problems").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("page", "varchar(255)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("kind", "varchar(32)", (c) => c.notNull()).addColumn("message", "varchar(255)", (c) => c.notNull()).addColumn("params", LONG_TEXT, (c) => c.notNull()).addColumn("field", "varchar(64)", (c) => c.notNull()).addColumn("user", "varchar(255)", (c) => c.notNull()).modifyEnd(options).execute();
  await db.schema.createIndex("problems_page").on("problems").column("page").execute();
  await db.schema.createTable("sync_state").addColumn("name", "varchar(64)", (c) => c.primaryKey()).addColumn("value", LONG_TEXT, (c) => c.notNull()).modifyEnd(options).execute();
  await db.schema.createTable("notifications").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("marker", "varchar(255)", (c) => c.notNull().unique()).addColumn("request_number", "integer", (c) => c.notNull()).addColumn("kind", "varchar(64)", (c) => c.notNull()).addColumn("target", "varchar(255)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("state", "varchar(16)", (c) => c.notNull()).addColumn("created", "varchar(32)", (c) => c.notNull()).addColumn("done", "varchar(32)", (c) => c.notNull()).modifyEnd(options).execute();
}
async function down(db) {
  for (const table3 of ["notifications", "sync_state", "problems", "status_history", "hubs", "coaches", "requests"]) {
    await db.schema.dropTable(table3).execute();
  }
}

// sql/migrations/002_timelines.ts
var timelines_exports = {};
__export(timelines_exports, {
  down: () => down2,
  up: () => up2
});
var import_kysely3 = require("kysely");
var LONG_TEXT2 = import_kysely3.sql`mediumtext`;
async function up2(db) {
  const options = tableOptions(db);
  await db.schema.alterTable("status_history").addColumn("comment", import_kysely3.sql`text`, (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("coaches").addColumn("since", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createTable("hub_history").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("page", "varchar(255)", (c) => c.notNull()).addColumn("hub_key", "varchar(255)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("contacts", LONG_TEXT2, (c) => c.notNull()).modifyEnd(options).execute();
  await db.schema.createIndex("hub_history_page").on("hub_history").column("page").execute();
  await db.schema.createTable("config_history").addColumn("revid", "integer", (c) => c.primaryKey()).addColumn("at", "varchar(32)", (c) => c.notNull()).addColumn("text", LONG_TEXT2, (c) => c.notNull()).modifyEnd(options).execute();
  await db.deleteFrom("sync_state").where("name", "=", "cursor").execute();
}
async function down2(db) {
  await db.schema.dropTable("config_history").execute();
  await db.schema.dropTable("hub_history").execute();
  await db.schema.alterTable("coaches").dropColumn("since").execute();
  await db.schema.alterTable("status_history").dropColumn("comment").execute();
}

// sql/migrations/003_notices.ts
var notices_exports = {};
__export(notices_exports, {
  down: () => down3,
  up: () => up3
});
var import_kysely4 = require("kysely");
var LONG_TEXT3 = import_kysely4.sql`mediumtext`;
async function up3(db) {
  const options = tableOptions(db);
  await db.schema.dropTable("notifications").execute();
  await db.schema.createTable("notifications").addColumn("notice_key", "varchar(255)", (c) => c.primaryKey()).addColumn("kind", "varchar(32)", (c) => c.notNull()).addColumn("request_number", "integer", (c) => c.notNull()).addColumn("channel", "varchar(16)", (c) => c.notNull()).addColumn("target", "varchar(255)", (c) => c.notNull()).addColumn("recipients", LONG_TEXT3, (c) => c.notNull()).addColumn("language", "varchar(35)", (c) => c.notNull().defaultTo("")).addColumn("state", "varchar(16)", (c) => c.notNull()).addColumn("detail", LONG_TEXT3, (c) => c.notNull()).addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).addColumn("event_at", "varchar(32)", (c) => c.notNull()).addColumn("created", "varchar(32)", (c) => c.notNull()).addColumn("updated", "varchar(32)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull().defaultTo(0)).addColumn("digest", "varchar(255)", (c) => c.notNull().defaultTo("")).addColumn("data", LONG_TEXT3, (c) => c.notNull()).modifyEnd(options).execute();
  await db.schema.createIndex("notifications_state").on("notifications").column("state").execute();
  await db.schema.createTable("notify_snapshots").addColumn("request_number", "integer", (c) => c.primaryKey()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("status", "varchar(64)", (c) => c.notNull()).addColumn("hub", "varchar(255)", (c) => c.notNull()).addColumn("offers", LONG_TEXT3, (c) => c.notNull()).addColumn("coach", LONG_TEXT3, (c) => c.notNull()).modifyEnd(options).execute();
  await db.schema.createTable("notify_people").addColumn("user", "varchar(255)", (c) => c.primaryKey()).addColumn("languages", LONG_TEXT3, (c) => c.notNull()).addColumn("fetched", "varchar(32)", (c) => c.notNull()).modifyEnd(options).execute();
}
async function down3(db) {
  await db.schema.dropTable("notify_people").execute();
  await db.schema.dropTable("notify_snapshots").execute();
  await db.schema.dropTable("notifications").execute();
  await db.schema.createTable("notifications").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("marker", "varchar(255)", (c) => c.notNull().unique()).addColumn("request_number", "integer", (c) => c.notNull()).addColumn("kind", "varchar(64)", (c) => c.notNull()).addColumn("target", "varchar(255)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("state", "varchar(16)", (c) => c.notNull()).addColumn("created", "varchar(32)", (c) => c.notNull()).addColumn("done", "varchar(32)", (c) => c.notNull()).modifyEnd(tableOptions(db)).execute();
}

// sql/migrations/004_evaluations.ts
var evaluations_exports = {};
__export(evaluations_exports, {
  down: () => down4,
  up: () => up4
});
var import_kysely5 = require("kysely");
var LONG_TEXT4 = import_kysely5.sql`mediumtext`;
async function up4(db) {
  await db.schema.createTable("evaluations").addColumn("page", "varchar(255)", (c) => c.primaryKey()).addColumn("period", "varchar(16)", (c) => c.notNull()).addColumn("revid", "integer", (c) => c.notNull()).addColumn("updated", "varchar(32)", (c) => c.notNull()).addColumn("entries", LONG_TEXT4, (c) => c.notNull()).modifyEnd(tableOptions(db)).execute();
  await db.deleteFrom("sync_state").where("name", "=", "cursor").execute();
}
async function down4(db) {
  await db.schema.dropTable("evaluations").execute();
}

// sql/migrations/index.ts
var MIGRATIONS = {
  "001_initial": initial_exports,
  "002_timelines": timelines_exports,
  "003_notices": notices_exports,
  "004_evaluations": evaluations_exports
};

// sql/migrate.ts
var MigrationError = class extends Error {
  migration;
  constructor(migration, detail) {
    super(detail);
    this.migration = migration;
  }
};
async function migrateToLatest(db) {
  const migrator = new import_kysely6.Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) }
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new MigrationError(failed, error instanceof Error ? error.message : String(error));
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

// bot/store.ts
var STATE = {
  cursor: "cursor",
  config: "config",
  lastSync: "last-sync",
  lastFullSync: "last-full-sync"
};
async function deleteRecordOf(tx, page) {
  await tx.deleteFrom("requests").where("page", "=", page).execute();
  await tx.deleteFrom("coaches").where("page", "=", page).execute();
  await tx.deleteFrom("hubs").where("page", "=", page).execute();
  await tx.deleteFrom("evaluations").where("page", "=", page).execute();
}
async function setState(tx, name, value) {
  await tx.deleteFrom("sync_state").where("name", "=", name).execute();
  await tx.insertInto("sync_state").values({ name, value }).execute();
}
var Store = class _Store {
  db;
  target;
  constructor(db, target) {
    this.db = db;
    this.target = target;
  }
  /** Opens the store and applies the migrations it lacks. */
  static async open(url) {
    const { db, target } = openDatabase(url);
    try {
      await migrateToLatest(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new _Store(db, target);
  }
  async close() {
    await this.db.destroy();
  }
  async requests() {
    const rows = await this.db.selectFrom("requests").selectAll().orderBy("number").execute();
    return rows.map((row) => ({
      number: Number(row.number),
      page: row.page,
      revid: Number(row.revid),
      updated: row.updated,
      record: JSON.parse(row.record),
      feedback: JSON.parse(row.feedback)
    }));
  }
  async coaches() {
    const rows = await this.db.selectFrom("coaches").selectAll().orderBy("user").execute();
    return rows.map((row) => ({
      user: row.user,
      page: row.page,
      revid: Number(row.revid),
      updated: row.updated,
      record: JSON.parse(row.record),
      since: Number(row.since)
    }));
  }
  async hubs() {
    const rows = await this.db.selectFrom("hubs").selectAll().orderBy("hub_key").execute();
    return rows.map((row) => ({
      key: row.hub_key,
      page: row.page,
      revid: Number(row.revid),
      updated: row.updated,
      record: JSON.parse(row.record)
    }));
  }
  /** The accepted evaluation entries, page by page (oldest quarter first). */
  async evaluations() {
    const rows = await this.db.selectFrom("evaluations").selectAll().orderBy("period").orderBy("page").execute();
    return rows.map((row) => ({
      page: row.page,
      period: row.period,
      revid: Number(row.revid),
      updated: row.updated,
      entries: JSON.parse(row.entries)
    }));
  }
  /** Problems, in a stable order (page, then revision, then as found). */
  async problems() {
    const rows = await this.db.selectFrom("problems").selectAll().orderBy("page").orderBy("revid").orderBy("id").execute();
    return rows.map((row) => ({
      page: row.page,
      revid: Number(row.revid),
      kind: row.kind,
      message: row.message,
      params: JSON.parse(row.params),
      field: row.field,
      user: row.user
    }));
  }
  async statusHistory() {
    const rows = await this.db.selectFrom("status_history").selectAll().orderBy("request_number").orderBy("revid").execute();
    return rows.map((row) => ({
      requestNumber: Number(row.request_number),
      from: row.from_status,
      to: row.to_status,
      user: row.user,
      at: row.at,
      revid: Number(row.revid),
      comment: row.comment
    }));
  }
  /** Every hub's accepted revisions, oldest first. */
  async hubTimeline() {
    const rows = await this.db.selectFrom("hub_history").selectAll().orderBy("revid").orderBy("id").execute();
    return rows.map((row) => ({
      page: row.page,
      key: row.hub_key,
      revid: Number(row.revid),
      contacts: JSON.parse(row.contacts)
    }));
  }
  /** The configuration page's revisions, oldest first. */
  async configHistory() {
    const rows = await this.db.selectFrom("config_history").selectAll().orderBy("revid").execute();
    return rows.map((row) => ({ revid: Number(row.revid), at: row.at, text: row.text }));
  }
  async state(name) {
    const row = await this.db.selectFrom("sync_state").select("value").where("name", "=", name).executeTakeFirst();
    return row?.value ?? null;
  }
  async cursor() {
    const value = await this.state(STATE.cursor);
    return value === null ? null : JSON.parse(value);
  }
  /** Stores a sync's findings and its cursor together, or nothing at all. */
  async apply(result) {
    await this.db.transaction().execute(async (tx) => {
      if (result.full) {
        const seen = new Set(result.updates.map((u) => u.page));
        for (const table3 of ["requests", "coaches", "hubs", "evaluations", "problems", "hub_history"]) {
          const pages = await tx.selectFrom(table3).select("page").execute();
          const gone = [...new Set(pages.map((p) => p.page))].filter((page) => !seen.has(page));
          for (let i = 0; i < gone.length; i += 500) {
            await tx.deleteFrom(table3).where("page", "in", gone.slice(i, i + 500)).execute();
          }
        }
      }
      for (const update of result.updates) {
        if (update.action === "remove") {
          const request = await tx.selectFrom("requests").select("number").where("page", "=", update.page).executeTakeFirst();
          if (request) {
            await tx.deleteFrom("status_history").where("request_number", "=", request.number).execute();
          }
          await tx.deleteFrom("hub_history").where("page", "=", update.page).execute();
        }
        if (update.action !== "keep") {
          await deleteRecordOf(tx, update.page);
        }
        switch (update.action) {
          case "request": {
            const v = update.value;
            await tx.deleteFrom("requests").where("number", "=", v.number).execute();
            await tx.insertInto("requests").values({
              number: v.number,
              page: v.page,
              revid: v.revid,
              updated: v.updated,
              status: v.record.status,
              record: JSON.stringify(v.record),
              feedback: JSON.stringify(v.feedback)
            }).execute();
            break;
          }
          case "coach": {
            const v = update.value;
            await tx.deleteFrom("coaches").where("user", "=", v.user).execute();
            await tx.insertInto("coaches").values({
              user: v.user,
              page: v.page,
              revid: v.revid,
              updated: v.updated,
              record: JSON.stringify(v.record),
              since: v.since ?? v.revid
            }).execute();
            break;
          }
          case "hub": {
            const v = update.value;
            await tx.deleteFrom("hubs").where("hub_key", "=", v.key).execute();
            await tx.insertInto("hubs").values({
              hub_key: v.key,
              page: v.page,
              revid: v.revid,
              updated: v.updated,
              record: JSON.stringify(v.record)
            }).execute();
            break;
          }
          case "evaluation": {
            const v = update.value;
            await tx.insertInto("evaluations").values({
              page: v.page,
              period: v.period,
              revid: v.revid,
              updated: v.updated,
              entries: JSON.stringify(v.entries)
            }).execute();
            break;
          }
          default:
        }
        await tx.deleteFrom("problems").where("page", "=", update.page).execute();
        for (const p of update.problems) {
          await tx.insertInto("problems").values({
            page: p.page,
            revid: p.revid,
            kind: p.kind,
            message: p.message,
            params: JSON.stringify(p.params),
            field: p.field,
            user: p.user
          }).execute();
        }
      }
      const replaced = result.historyReplaced ?? [];
      for (let i = 0; i < replaced.length; i += 500) {
        await tx.deleteFrom("status_history").where("request_number", "in", replaced.slice(i, i + 500)).execute();
      }
      for (const change of result.statusChanges) {
        const known = await tx.selectFrom("status_history").select("id").where("request_number", "=", change.requestNumber).where("revid", "=", change.revid).executeTakeFirst();
        if (!known) {
          await tx.insertInto("status_history").values({
            request_number: change.requestNumber,
            from_status: change.from,
            to_status: change.to,
            user: change.user,
            at: change.at,
            revid: change.revid,
            comment: change.comment ?? ""
          }).execute();
        }
      }
      if (result.full) {
        await tx.deleteFrom("status_history").where((eb) => eb.not(eb.exists(eb.selectFrom("requests").select("number").whereRef("requests.number", "=", "status_history.request_number")))).execute();
      }
      const timeline = result.hubTimeline;
      if (timeline) {
        for (let i = 0; i < timeline.replacePages.length; i += 500) {
          await tx.deleteFrom("hub_history").where("page", "in", timeline.replacePages.slice(i, i + 500)).execute();
        }
        for (const entry of timeline.add) {
          const known = await tx.selectFrom("hub_history").select("id").where("page", "=", entry.page).where("revid", "=", entry.revid).executeTakeFirst();
          if (!known) {
            await tx.insertInto("hub_history").values({
              page: entry.page,
              hub_key: entry.key,
              revid: entry.revid,
              contacts: JSON.stringify(entry.contacts)
            }).execute();
          }
        }
      }
      const config = result.configHistory;
      if (config?.replace) {
        await tx.deleteFrom("config_history").execute();
      }
      for (const revision of config?.add ?? []) {
        await tx.deleteFrom("config_history").where("revid", "=", revision.revid).execute();
        await tx.insertInto("config_history").values(revision).execute();
      }
      await setState(tx, STATE.cursor, JSON.stringify(result.cursor));
      await setState(tx, STATE.config, result.config);
      await setState(tx, STATE.lastSync, result.finished);
      if (result.full) {
        await setState(tx, STATE.lastFullSync, result.finished);
      }
    });
  }
  /** Row counts, for `status`. */
  async counts() {
    const counts = {};
    const tables = { requests: "requests", coaches: "coaches", hubs: "hubs", problems: "problems", statusHistory: "status_history", notifications: "notifications" };
    for (const [name, table3] of Object.entries(tables)) {
      const row = await this.db.selectFrom(table3).select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
      counts[name] = Number(row?.n ?? 0);
    }
    return counts;
  }
};

// bot/wiki.ts
var import_mwn2 = require("mwn");
var ConnectionError = class extends TranslatableError {
};
var LoginError = class extends TranslatableError {
};
var defaultSleep = (ms) => new Promise((resolve) => {
  setTimeout(resolve, ms);
});
function retryAfterMs(header, now = Date.now()) {
  if (typeof header !== "string" && typeof header !== "number") {
    return null;
  }
  const text2 = String(header).trim();
  if (/^\d+$/.test(text2)) {
    return Number(text2) * 1e3;
  }
  const date = Date.parse(text2);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
var BotMwn = class extends import_mwn2.Mwn {
  httpRequests = 0;
  behaviour;
  constructor(options, behaviour) {
    super(options);
    this.behaviour = behaviour;
  }
  async rawRequest(requestOptions) {
    for (let attempt = 0; ; attempt++) {
      this.httpRequests++;
      try {
        return await super.rawRequest(requestOptions);
      } catch (error) {
        const response = error.response;
        if (response?.status !== 429 || attempt >= this.behaviour.maxRetries) {
          throw error;
        }
        const wait = retryAfterMs(response.headers?.["retry-after"]) ?? this.behaviour.retryPause * 2 ** attempt;
        this.behaviour.logger.warn(this.behaviour.messages.text("capacitybuilding-bot-log-http-429", Math.round(wait / 1e3)), { wait });
        await this.behaviour.sleep(wait);
      }
    }
  }
  async request(params, customRequestOptions) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await super.request(params, customRequestOptions);
      } catch (error) {
        if (!(error instanceof import_mwn2.MwnError && error.code === "ratelimited") || attempt >= this.behaviour.maxRetries) {
          throw error;
        }
        const wait = this.behaviour.rateLimitPause * 2 ** attempt;
        this.behaviour.logger.warn(this.behaviour.messages.text("capacitybuilding-bot-log-ratelimited", Math.round(wait / 1e3)), { wait });
        await this.behaviour.sleep(wait);
      }
    }
  }
};
var WikiClient = class _WikiClient {
  api;
  mwn;
  site;
  user;
  counter;
  constructor(api, bot, site, user2) {
    this.api = api;
    this.mwn = bot;
    this.counter = bot;
    this.site = site;
    this.user = user2;
  }
  /** Connects, logs in when credentials are given, and reads what the bot needs to know of the wiki. */
  static async connect(options) {
    const { logger } = options;
    const credentials = options.credentials;
    if (credentials?.kind === "botpassword") {
      logger.redact(credentials.password);
    } else if (credentials?.kind === "oauth2") {
      logger.redact(credentials.accessToken);
    }
    const maxRetries = options.maxRetries ?? 12;
    const messages = options.messages ?? new Messages("en");
    const bot = new BotMwn({
      apiUrl: options.api,
      userAgent: options.userAgent,
      silent: true,
      suppressAPIWarnings: true,
      maxRetries,
      retryPause: options.retryPause ?? 5e3,
      defaultParams: { maxlag: 5, formatversion: 2 },
      ...credentials?.kind === "oauth2" ? { OAuth2AccessToken: credentials.accessToken } : {}
    }, {
      logger,
      messages,
      sleep: options.sleep ?? defaultSleep,
      maxRetries,
      retryPause: options.retryPause ?? 5e3,
      rateLimitPause: options.rateLimitPause ?? 6e4
    });
    try {
      if (credentials?.kind === "botpassword") {
        await bot.login({ username: credentials.username, password: credentials.password });
      } else if (credentials?.kind === "oauth2") {
        bot.initOAuth();
        await bot.getTokensAndSiteInfo();
      }
    } catch (error) {
      const code = error.code;
      if (error instanceof import_mwn2.MwnError && code !== void 0 && !/^E[A-Z]+$/.test(code)) {
        throw new LoginError("capacitybuilding-bot-error-login", options.api, error.info ?? code);
      }
      throw new ConnectionError("capacitybuilding-bot-error-unreachable", options.api, error.message);
    }
    let response;
    try {
      response = await bot.request({
        action: "query",
        meta: ["siteinfo", "userinfo"],
        siprop: ["general", "extensiontags"],
        uiprop: ["rights", "groups"]
      });
    } catch (error) {
      throw new ConnectionError("capacitybuilding-bot-error-unreachable", options.api, error.message);
    }
    const general = response.query?.general;
    const userinfo = response.query?.userinfo;
    const site = {
      language: general.lang,
      generator: general.generator,
      extensionTags: (response.query?.extensiontags ?? []).map((tag) => tag.replace(/^<|>$/g, ""))
    };
    const user2 = {
      name: userinfo.name,
      loggedIn: !userinfo.anon,
      rights: userinfo.rights ?? [],
      groups: userinfo.groups ?? []
    };
    if (user2.loggedIn) {
      bot.options.defaultParams = { ...bot.options.defaultParams, assert: "user", assertuser: user2.name };
    }
    logger.debug(
      messages.text("capacitybuilding-bot-log-connected", options.api, site.generator, user2.name),
      { rights: user2.rights.length }
    );
    return new _WikiClient(options.api, bot, site, user2);
  }
  /** HTTP requests made so far (retries included). */
  get requestCount() {
    return this.counter.httpRequests;
  }
  /** Whether the account may ask for 500 items a request instead of 50. */
  get highLimits() {
    return this.user.rights.includes("apihighlimits");
  }
  /** Titles a read request may carry. */
  get batchSize() {
    return this.highLimits ? 500 : 50;
  }
  request(params) {
    return this.mwn.request(params);
  }
  /**
   * A write that must not be repeated blindly (a new section: repeating it would post twice). Errors
   * that say nothing was saved are waited out and retried (maxlag, read-only, rate limits, HTTP 429);
   * any other failure, a network failure included (the edit may have been saved), is thrown as is,
   * without mwn's automatic retry.
   *
   * @param params
   */
  async postOnce(params) {
    const { maxRetries, retryPause, sleep, logger, messages } = this.counter.behaviour;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.mwn.request(params, { retryNumber: Number.MAX_SAFE_INTEGER });
      } catch (error) {
        const code = error instanceof import_mwn2.MwnError ? error.code : void 0;
        if (code !== "maxlag" && code !== "readonly" || attempt >= maxRetries) {
          throw error;
        }
        logger.warn(messages.text("capacitybuilding-bot-log-lagged", Math.round(retryPause / 1e3)), { code });
        await sleep(retryPause);
      }
    }
  }
};

// bot/commands/context.ts
var PACKAGE = JSON.parse(import_node_fs5.default.readFileSync(import_node_path4.default.join(ROOT, "package.json"), "utf8"));
var VERSION = PACKAGE.version;
var DEFAULT_CONTACT = "https://meta.wikimedia.org/wiki/Talk:Capacity_building";
function operatorMessages(io) {
  return new Messages(operatorLanguage(io.env), io.messageFiles ?? loadMessageFiles());
}
function userAgent(contact) {
  return `CapacityBuilding-bot/${VERSION} (${contact}) mwn`;
}
function readConfigFile(file) {
  let data;
  try {
    data = JSON.parse(import_node_fs5.default.readFileSync(file, "utf8"));
  } catch (error) {
    throw new CredentialsError("capacitybuilding-bot-error-config-unreadable", file, error.message);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new CredentialsError("capacitybuilding-bot-error-config-not-object", file);
  }
  const record = data;
  if ("password" in record || "oauth2Token" in record) {
    assertPrivateFile(file);
  }
  return record;
}
var BotContext = class {
  options;
  logger;
  env;
  file;
  client = null;
  io;
  /** Messages for the operator's console (see `operatorLanguage`). */
  messages;
  /** Every message file by language (i18n/*.json, or the caller's): what notices and pages can be written in. */
  messageFiles;
  constructor(options, io, messages) {
    this.options = options;
    this.messages = messages;
    this.messageFiles = io.messageFiles ?? loadMessageFiles();
    this.env = io.env;
    this.io = io;
    this.logger = new Logger({
      verbose: options.verbose,
      quiet: options.quiet,
      json: options.json,
      label: (level, text2) => messages.text(level === "warn" ? "capacitybuilding-bot-log-level-warning" : "capacitybuilding-bot-log-level-error", text2),
      ...io.write ? { write: io.write, interactive: false } : {}
    });
    this.file = options.config ? readConfigFile(options.config) : {};
  }
  get api() {
    const api = this.options.api ?? this.env.CAPACITY_BOT_API ?? this.file.api;
    if (!api) {
      throw new CredentialsError("capacitybuilding-bot-error-no-api");
    }
    return api;
  }
  get db() {
    return this.options.db ?? this.env.CAPACITY_BOT_DB ?? this.file.db ?? "sqlite:capacity-bot.sqlite";
  }
  get base() {
    return this.options.base ?? this.env.CAPACITY_BOT_BASE ?? this.file.base ?? DEFAULT_BASE_PAGE;
  }
  get contact() {
    return this.options.contact ?? this.env.CAPACITY_BOT_CONTACT ?? this.file.contact ?? DEFAULT_CONTACT;
  }
  /**
   * Connects (once) and logs in.
   *
   * @param options
   * @param options.anonymous Without credentials: read only (a dry run that needs no account)
   */
  async wiki(options = {}) {
    if (!this.client) {
      const credentials = loadCredentials(this.env, this.options.config);
      if (!credentials && !options.anonymous) {
        throw new CredentialsError("capacitybuilding-bot-error-no-credentials");
      }
      this.client = await WikiClient.connect({
        api: this.api,
        credentials,
        userAgent: userAgent(this.contact),
        logger: this.logger,
        messages: this.messages
      });
    }
    return this.client;
  }
  /** Opens the store (applying migrations); the caller closes it. */
  async store() {
    return Store.open(this.db);
  }
  /** Messages in the wiki's content language, for edit summaries and page content. */
  async contentMessages() {
    return new Messages((await this.wiki()).site.language);
  }
  async editor() {
    return new Editor(await this.wiki(), this.logger, {
      dryRun: Boolean(this.options.dryRun),
      stopPage: sitePages(this.base).stop,
      messages: this.messages
    });
  }
};

// bot/commands/deploy.ts
var import_commander = require("commander");

// modules/core/gadgets.ts
var GADGET_PREFIX = "capacityBuilding-";
var GADGET_PAGE_PREFIX = "MediaWiki:Gadget-";
var MESSAGES_GADGET = `${GADGET_PREFIX}i18n`;
var MESSAGES_MANIFEST = `${MESSAGES_GADGET}.json`;
function messagesPage(language) {
  return `${GADGET_PAGE_PREFIX}${MESSAGES_GADGET}-${language}.json`;
}

// scripts/lib/gadgetFiles.ts
var import_node_fs6 = __toESM(require("node:fs"));
var import_node_path5 = __toESM(require("node:path"));
var GADGETS_DIR = "gadgets";
var GADGETS_JSON = "gadgets.json";
function readGadgets(outDir) {
  return JSON.parse(import_node_fs6.default.readFileSync(import_node_path5.default.join(outDir, GADGETS_DIR, GADGETS_JSON), "utf8"));
}

// bot/deploy/stored.ts
function storedText(text2) {
  return text2.replace(/\r\n?/g, "\n").replace(/\s+$/, "").normalize("NFC");
}

// bot/setup/messagePages.ts
var USED = /\{\{\s*(?:int:|MediaWiki:)\s*(capacitybuilding-[a-z0-9-]+)\s*[|}]/gi;
function templateMessageKeys(pages) {
  const keys = /* @__PURE__ */ new Set();
  for (const page of pages) {
    for (const match of page.text.matchAll(USED)) {
      keys.add(match[1].toLowerCase());
    }
  }
  return [...keys].sort();
}
function messageTitle(key, language) {
  return `MediaWiki:${key.charAt(0).toUpperCase()}${key.slice(1)}${language ? `/${language}` : ""}`;
}
function messagePagesAt(messages, files, contentLanguage) {
  const content = new Messages(contentLanguage, files);
  const pages = [];
  for (const { key, title } of messages) {
    pages.push({ title, text: storedText(content.raw(key)), contentModel: "wikitext", policy: "managed" });
    for (const language of Object.keys(files).sort()) {
      const text2 = files[language]?.[key];
      if (language !== contentLanguage && text2 !== void 0) {
        pages.push({
          title: `${title}/${language}`,
          text: storedText(text2),
          contentModel: "wikitext",
          policy: "managed"
        });
      }
    }
  }
  return pages;
}
function templateMessagePages(keys, files, contentLanguage) {
  const titled = keys.map((key) => ({ key, title: messageTitle(key, null) }));
  return messagePagesAt(titled, files, contentLanguage);
}

// bot/setup/pages.ts
var import_node_fs7 = __toESM(require("node:fs"));
var import_node_path6 = __toESM(require("node:path"));

// modules/core/notices.ts
var NOTICE_KINDS = [
  /** A new request, announced on its hub's noticeboard (the programme's when it has no hub). */
  "submitted",
  /** A hub took the request (triaged, or routed to another hub) → the requester. */
  "triaged",
  /** A coach offered to help → the requester. */
  "offered",
  /** A coach was accepted → the requester and the coach. */
  "matched",
  "started",
  "completed",
  "declined",
  "withdrawn",
  "on-hold",
  "reopened",
  /** Open or triaged with no status change for the stale period → the hub's contacts (else the admins). */
  "stale",
  /** Needed within the deadline window and still without a coach → the hub's contacts (else the admins). */
  "deadline",
  /**
   * `notifications.followUpDays` after completion (about three months), the follow-up question
   * ("did you use what you learned?") → the requester, once, unless they have answered it.
   */
  "follow-up",
  /** A coach's "away until" date has passed while the profile still says away → the coach. */
  "away-ended"
];
function isNoticeKind(value) {
  return NOTICE_KINDS.includes(value);
}
var DAY_MS = 864e5;
var STALE_STATUSES = ["open", "triaged"];
function stalePeriods(status, since, staleAfterDays, now) {
  const start = Date.parse(since);
  if (!STALE_STATUSES.includes(status) || Number.isNaN(start) || !(staleAfterDays > 0)) {
    return 0;
  }
  return Math.max(0, Math.floor((now.getTime() - start) / (staleAfterDays * DAY_MS)));
}

// modules/core/privateRoutes.ts
var PRIVATE_CATEGORIES = ["conflict", "conduct", "emergency"];
var EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;
function isEmailAddress(value) {
  return value.length <= 254 && EMAIL.test(value);
}
function parseRoute(json, path11) {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return problem(path11, "capacitybuilding-config-invalid-value", path11);
  }
  const { category, email, user: user2, ...rest } = json;
  const unknown = Object.keys(rest)[0];
  if (unknown !== void 0) {
    return problem(path11, "capacitybuilding-config-unknown-key", `${path11}.${unknown}`);
  }
  if (!PRIVATE_CATEGORIES.includes(category)) {
    return problem(path11, "capacitybuilding-config-route-category", `${path11}.category`, PRIVATE_CATEGORIES.join(", "));
  }
  const key = category;
  if (email === void 0 === (user2 === void 0)) {
    return problem(path11, "capacitybuilding-config-route-destination", path11);
  }
  if (email !== void 0) {
    return typeof email === "string" && isEmailAddress(email.trim()) ? { category: key, email: email.trim() } : problem(path11, "capacitybuilding-config-route-email", `${path11}.email`);
  }
  return typeof user2 === "string" && isValidUsername(normalizeUsername(user2)) ? { category: key, user: normalizeUsername(user2) } : problem(path11, "capacitybuilding-config-route-user", `${path11}.user`);
}
function parseRoutes(json, key, problems) {
  if (!Array.isArray(json)) {
    problems.push(problem(key, "capacitybuilding-config-invalid-value", key));
    return [];
  }
  if (key === "privateContacts") {
    problems.push(problem(key, "capacitybuilding-config-private-contacts-moved"));
  }
  const routes = [];
  json.forEach((item, i) => {
    const route2 = parseRoute(key === "privateContacts" ? { category: "conflict", user: item } : item, `${key}[${i}]`);
    if ("key" in route2) {
      problems.push(route2);
    } else {
      routes.push(route2);
    }
  });
  return routes;
}

// modules/core/config.ts
var CONFIG_PAGE = "MediaWiki:Gadget-capacityBuilding-config.json";
var DEFAULT_NOTIFICATIONS = {
  kinds: {},
  userTalk: [],
  noticeboard: "",
  mentions: true,
  deadlineDays: 14,
  followUpDays: 91
};
var DEFAULT_CONFIG = {
  basePage: DEFAULT_BASE_PAGE,
  admins: [],
  evaluators: [],
  bots: [],
  privateRoutes: [],
  changeTag: "",
  statusPolicy: { staleAfterDays: 60, adminsMayReopenClosed: true },
  notifications: DEFAULT_NOTIFICATIONS
};
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function parseConfig(json) {
  const problems = [];
  const config = {
    ...DEFAULT_CONFIG,
    statusPolicy: { ...DEFAULT_CONFIG.statusPolicy },
    notifications: { ...DEFAULT_NOTIFICATIONS, kinds: {}, userTalk: [] }
  };
  if (!isObject(json)) {
    return { config, problems: [problem(null, "capacitybuilding-config-not-object")] };
  }
  const invalid = (key) => {
    problems.push(problem(key, "capacitybuilding-config-invalid-value", key));
  };
  for (const [key, value] of Object.entries(json)) {
    switch (key) {
      case "basePage":
        if (typeof value === "string" && isPageTitle(value)) {
          config.basePage = value.replace(/_/g, " ");
        } else {
          invalid(key);
        }
        break;
      case "admins":
      case "evaluators":
      case "bots":
        if (Array.isArray(value) && value.every((v) => typeof v === "string" && isValidUsername(normalizeUsername(v)))) {
          config[key] = value.map(normalizeUsername);
        } else {
          invalid(key);
        }
        break;
      case "privateRoutes":
      case "privateContacts":
        config.privateRoutes = [...config.privateRoutes, ...parseRoutes(value, key, problems)];
        break;
      case "changeTag":
        if (typeof value === "string") {
          config.changeTag = value;
        } else {
          invalid(key);
        }
        break;
      case "statusPolicy":
        if (!isObject(value)) {
          invalid(key);
          break;
        }
        for (const [policyKey, policyValue] of Object.entries(value)) {
          const path11 = `statusPolicy.${policyKey}`;
          if (policyKey === "staleAfterDays" && Number.isInteger(policyValue) && policyValue > 0) {
            config.statusPolicy.staleAfterDays = policyValue;
          } else if (policyKey === "adminsMayReopenClosed" && typeof policyValue === "boolean") {
            config.statusPolicy.adminsMayReopenClosed = policyValue;
          } else if (policyKey === "staleAfterDays" || policyKey === "adminsMayReopenClosed") {
            invalid(path11);
          } else {
            problems.push(problem(path11, "capacitybuilding-config-unknown-key", path11));
          }
        }
        break;
      case "notifications":
        if (isObject(value)) {
          parseNotifications(value, config.notifications, problems);
        } else {
          invalid(key);
        }
        break;
      default:
        problems.push(problem(key, "capacitybuilding-config-unknown-key", key));
    }
  }
  return { config, problems };
}
function parseNotifications(json, settings, problems) {
  const invalid = (path11) => {
    problems.push(problem(path11, "capacitybuilding-config-invalid-value", path11));
  };
  for (const [key, value] of Object.entries(json)) {
    const path11 = `notifications.${key}`;
    switch (key) {
      case "kinds":
        if (!isObject(value)) {
          invalid(path11);
          break;
        }
        for (const [kind, on] of Object.entries(value)) {
          if (!isNoticeKind(kind)) {
            problems.push(problem(`${path11}.${kind}`, "capacitybuilding-config-unknown-key", `${path11}.${kind}`));
          } else if (typeof on === "boolean") {
            settings.kinds[kind] = on;
          } else {
            invalid(`${path11}.${kind}`);
          }
        }
        break;
      case "userTalk":
        if (Array.isArray(value) && value.every((v) => typeof v === "string" && isNoticeKind(v))) {
          settings.userTalk = [...new Set(value)];
        } else {
          invalid(path11);
        }
        break;
      case "noticeboard":
        if (typeof value === "string" && (value === "" || isPageTitle(value))) {
          settings.noticeboard = value.replace(/_/g, " ");
        } else {
          invalid(path11);
        }
        break;
      case "mentions":
        if (typeof value === "boolean") {
          settings.mentions = value;
        } else {
          invalid(path11);
        }
        break;
      case "deadlineDays":
        if (Number.isInteger(value) && value > 0 && value <= 365) {
          settings.deadlineDays = value;
        } else {
          invalid(path11);
        }
        break;
      case "followUpDays":
        if (Number.isInteger(value) && value >= 0 && value <= 730) {
          settings.followUpDays = value;
        } else {
          invalid(path11);
        }
        break;
      default:
        problems.push(problem(path11, "capacitybuilding-config-unknown-key", path11));
    }
  }
}
function defaultConfigJson(overrides = {}) {
  const config = { ...DEFAULT_CONFIG, ...overrides };
  return JSON.stringify(config, null, "	") + "\n";
}

// bot/notify/kinds.ts
var import_node_crypto2 = __toESM(require("node:crypto"));

// modules/core/history.ts
function followUpDue(changes, days) {
  const last = changes[changes.length - 1];
  const at = last === void 0 ? NaN : Date.parse(last.at);
  if (last?.to !== "completed" || Number.isNaN(at)) {
    return null;
  }
  return new Date(at + days * 864e5).toISOString().replace(/\.\d{3}Z$/, "Z");
}

// bot/notify/kinds.ts
var DAY = 864e5;
function sameNames(list3) {
  return new Set(list3.map(normalizeUsername));
}
function statusNoticeKind(from, to) {
  if (from === "" || from === to) {
    return null;
  }
  switch (to) {
    case "declined":
      return "declined";
    case "withdrawn":
      return "withdrawn";
    case "on-hold":
      return "on-hold";
    default:
  }
  if (from === "on-hold" || from === "completed" || from === "declined" || from === "withdrawn") {
    return "reopened";
  }
  switch (to) {
    case "triaged":
      return "triaged";
    case "matched":
      return "matched";
    case "in-progress":
      return "started";
    case "completed":
      return "completed";
    case "open":
      return "reopened";
    default:
      return null;
  }
}
function requestData(situation) {
  const { request } = situation;
  return { page: request.page, title: request.record.title, status: request.record.status, hub: request.record.hub };
}
function fromStatusHistory(kind) {
  return (situation) => situation.changes.filter((change) => statusNoticeKind(change.from, change.to) === kind).map((change) => ({
    kind,
    key: `${kind}-${change.revid}`,
    at: change.at,
    actor: change.user,
    request: situation.request.number,
    revid: change.revid,
    data: {
      ...requestData(situation),
      status: change.to,
      reason: change.comment ?? "",
      coaches: [...situation.request.record.coach]
    }
  }));
}
function requesterAndCoach(_event, request) {
  return request ? [request.record.requester, ...request.record.coach] : [];
}
function hubContactsOrAdmins(_event, request, hubs, config) {
  const contacts = request?.record.hub ? hubs.get(request.record.hub)?.record.contacts ?? [] : [];
  return contacts.length ? contacts : config.admins;
}
function seekingCoach(request) {
  return request.record.status === "open" || request.record.status === "triaged";
}
function startOf(date, plusDays = 0) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + plusDays * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function iso(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function nameKey(name) {
  return import_node_crypto2.default.createHash("sha256").update(normalizeUsername(name)).digest("hex").slice(0, 10);
}
var KINDS = {
  submitted: {
    defaultOn: true,
    scope: "request",
    channel: "digest",
    reason: false,
    events: (situation) => {
      if (situation.snapshot || !situation.createdSince) {
        return [];
      }
      const { request, creation } = situation;
      return [{
        kind: "submitted",
        key: `submitted-${creation?.revid ?? `R${request.number}`}`,
        at: creation?.at ?? request.record.created,
        actor: request.record.requester,
        request: request.number,
        revid: creation?.revid ?? 0,
        data: requestData(situation)
      }];
    },
    recipients: hubContactsOrAdmins,
    messages: { line: "capacitybuilding-notice-submitted-line" }
  },
  triaged: {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: false,
    events: (situation) => {
      const events = fromStatusHistory("triaged")(situation);
      const { snapshot, request } = situation;
      if (!events.length && snapshot && request.record.hub !== "" && request.record.hub !== snapshot.hub && !situation.changes.some((c) => c.to === "triaged")) {
        events.push({
          kind: "triaged",
          key: `triaged-${request.revid}`,
          at: request.updated,
          actor: "",
          request: request.number,
          revid: request.revid,
          data: requestData(situation)
        });
      }
      return events;
    },
    recipients: (_event, request) => request ? [request.record.requester] : [],
    messages: {
      heading: "capacitybuilding-notice-triaged-heading",
      body: "capacitybuilding-notice-triaged-body",
      summary: "capacitybuilding-notice-triaged-summary"
    }
  },
  offered: {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: false,
    events: (situation) => {
      const { snapshot, request } = situation;
      if (!snapshot && !situation.createdSince) {
        return [];
      }
      const before = sameNames(snapshot?.offers ?? []);
      const added = request.record.offers.filter((name) => !before.has(normalizeUsername(name)));
      return added.map((name) => ({
        kind: "offered",
        key: `offered-${request.revid}-${nameKey(name)}`,
        at: request.updated,
        actor: normalizeUsername(name),
        request: request.number,
        revid: request.revid,
        data: { ...requestData(situation), coaches: [normalizeUsername(name)] }
      }));
    },
    recipients: (_event, request) => request ? [request.record.requester] : [],
    messages: {
      heading: "capacitybuilding-notice-offered-heading",
      body: "capacitybuilding-notice-offered-body",
      summary: "capacitybuilding-notice-offered-summary"
    }
  },
  matched: {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: false,
    events: (situation) => {
      const events = fromStatusHistory("matched")(situation);
      const { snapshot, request } = situation;
      const before = sameNames(snapshot?.coach ?? []);
      const added = request.record.coach.filter((name) => !before.has(normalizeUsername(name)));
      if (!events.length && snapshot && added.length && !situation.changes.some((c) => c.to === "matched")) {
        events.push({
          kind: "matched",
          key: `matched-${request.revid}`,
          at: request.updated,
          actor: "",
          request: request.number,
          revid: request.revid,
          data: { ...requestData(situation), coaches: added.map(normalizeUsername) }
        });
      }
      return events;
    },
    recipients: requesterAndCoach,
    messages: {
      heading: "capacitybuilding-notice-matched-heading",
      body: "capacitybuilding-notice-matched-body",
      summary: "capacitybuilding-notice-matched-summary"
    }
  },
  started: {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: true,
    events: fromStatusHistory("started"),
    recipients: requesterAndCoach,
    messages: {
      heading: "capacitybuilding-notice-started-heading",
      body: "capacitybuilding-notice-started-body",
      summary: "capacitybuilding-notice-started-summary"
    }
  },
  completed: {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: true,
    events: fromStatusHistory("completed"),
    recipients: requesterAndCoach,
    messages: {
      heading: "capacitybuilding-notice-completed-heading",
      body: "capacitybuilding-notice-completed-body",
      summary: "capacitybuilding-notice-completed-summary"
    }
  },
  declined: {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: true,
    events: fromStatusHistory("declined"),
    recipients: requesterAndCoach,
    messages: {
      heading: "capacitybuilding-notice-declined-heading",
      body: "capacitybuilding-notice-declined-body",
      summary: "capacitybuilding-notice-declined-summary"
    }
  },
  withdrawn: {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: true,
    events: fromStatusHistory("withdrawn"),
    recipients: requesterAndCoach,
    messages: {
      heading: "capacitybuilding-notice-withdrawn-heading",
      body: "capacitybuilding-notice-withdrawn-body",
      summary: "capacitybuilding-notice-withdrawn-summary"
    }
  },
  "on-hold": {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: true,
    events: fromStatusHistory("on-hold"),
    recipients: requesterAndCoach,
    messages: {
      heading: "capacitybuilding-notice-on-hold-heading",
      body: "capacitybuilding-notice-on-hold-body",
      summary: "capacitybuilding-notice-on-hold-summary"
    }
  },
  reopened: {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: true,
    events: fromStatusHistory("reopened"),
    recipients: requesterAndCoach,
    messages: {
      heading: "capacitybuilding-notice-reopened-heading",
      body: "capacitybuilding-notice-reopened-body",
      summary: "capacitybuilding-notice-reopened-summary"
    }
  },
  stale: {
    defaultOn: true,
    scope: "request",
    channel: "digest",
    reason: false,
    events: (situation) => {
      const { request, current, config, now } = situation;
      const since = current?.at ?? request.record.created;
      const period = config.statusPolicy.staleAfterDays * DAY;
      const periods = stalePeriods(request.record.status, since, config.statusPolicy.staleAfterDays, now);
      if (periods < 1) {
        return [];
      }
      return [{
        kind: "stale",
        key: `stale-${current?.revid ?? `R${request.number}`}-${periods}`,
        at: iso(Date.parse(since) + periods * period),
        actor: "",
        request: request.number,
        revid: 0,
        data: {
          ...requestData(situation),
          days: Math.floor((now.getTime() - Date.parse(since)) / DAY)
        }
      }];
    },
    recipients: hubContactsOrAdmins,
    messages: { line: "capacitybuilding-notice-stale-line" }
  },
  deadline: {
    defaultOn: true,
    scope: "request",
    channel: "digest",
    reason: false,
    events: (situation) => {
      const { request, creation, config, now } = situation;
      const neededBy = request.record.neededBy;
      if (!seekingCoach(request) || request.record.coach.length || !isIsoDate(neededBy)) {
        return [];
      }
      const today = iso(now.getTime()).slice(0, 10);
      const opens = startOf(neededBy, -config.notifications.deadlineDays);
      if (today > neededBy || iso(now.getTime()) < opens) {
        return [];
      }
      const created = creation?.at ?? request.record.created;
      return [{
        kind: "deadline",
        key: `deadline-${creation?.revid ?? `R${request.number}`}-${neededBy}`,
        at: created > opens ? created : opens,
        actor: "",
        request: request.number,
        revid: 0,
        data: { ...requestData(situation), neededBy }
      }];
    },
    recipients: hubContactsOrAdmins,
    messages: { line: "capacitybuilding-notice-deadline-line" }
  },
  "follow-up": {
    defaultOn: true,
    scope: "request",
    channel: "request",
    reason: false,
    events: (situation) => {
      const { request, current, config, now } = situation;
      const due = followUpDue(current ? [current] : [], config.notifications.followUpDays);
      const answered = request.feedback.some((entry) => entry.stage === "follow-up" && normalizeUsername(entry.user) === normalizeUsername(request.record.requester));
      if (current === null || due === null || iso(now.getTime()) < due || answered) {
        return [];
      }
      return [{
        kind: "follow-up",
        key: `follow-up-${current.revid}`,
        at: due,
        actor: "",
        request: request.number,
        revid: 0,
        data: requestData(situation)
      }];
    },
    recipients: (_event, request) => request ? [request.record.requester] : [],
    messages: {
      heading: "capacitybuilding-notice-follow-up-heading",
      body: "capacitybuilding-notice-follow-up-body",
      summary: "capacitybuilding-notice-follow-up-summary"
    }
  },
  "away-ended": {
    defaultOn: true,
    scope: "coach",
    channel: "talk",
    reason: false,
    events: (situation) => {
      const { coach, now } = situation;
      const until = coach.record.awayUntil;
      if (coach.record.availability !== "away" || !isIsoDate(until)) {
        return [];
      }
      const passed = startOf(until, 1);
      if (iso(now.getTime()) < passed) {
        return [];
      }
      return [{
        kind: "away-ended",
        key: `away-${nameKey(coach.user)}-${until}`,
        at: passed,
        actor: "",
        request: 0,
        revid: 0,
        data: { awayUntil: until, profile: coach.page, coaches: [coach.user] }
      }];
    },
    recipients: (event) => event.data.coaches ?? [],
    messages: {
      heading: "capacitybuilding-notice-away-ended-heading",
      body: "capacitybuilding-notice-away-ended-body",
      summary: "capacitybuilding-notice-away-ended-summary"
    }
  }
};
function kindEnabled(kind, config) {
  return config.notifications.kinds[kind] ?? KINDS[kind].defaultOn;
}
function defaultSwitches() {
  const switches = NOTICE_KINDS.map((kind) => [kind, KINDS[kind].defaultOn]);
  return Object.fromEntries(switches);
}

// bot/setup/templatedata.ts
function inAllLanguages(files, key) {
  const texts = {};
  for (const language of Object.keys(files).sort()) {
    const text2 = files[language]?.[key];
    if (text2) {
      texts[language] = text2;
    }
  }
  return texts;
}
var TYPES = {
  text: "line",
  multiline: "string",
  enum: "line",
  enumList: "line",
  topicList: "line",
  language: "line",
  languageList: "line",
  user: "wiki-user-name",
  userList: "line",
  date: "date",
  timestamp: "date",
  integer: "number",
  hub: "line",
  hubList: "line",
  page: "wiki-page-name"
};
function recordTemplateData(schema, description, files) {
  const params = {};
  for (const field of schema.fields) {
    params[field.param] = {
      label: inAllLanguages(files, field.label),
      description: inAllLanguages(files, field.help),
      type: TYPES[field.kind],
      required: field.required,
      ...field.kind === "enum" && field.values ? { suggestedvalues: [...field.values] } : {}
    };
  }
  return {
    description: inAllLanguages(files, description),
    params,
    paramOrder: schema.fields.map((field) => field.param),
    format: "block"
  };
}

// bot/setup/pages.ts
var WIKI_DIR = import_node_path6.default.join(ROOT, "wiki");
function readSource(...parts) {
  return import_node_fs7.default.readFileSync(import_node_path6.default.join(WIKI_DIR, ...parts), "utf8").replace(/\n+$/, "");
}
function cases(values, messages) {
  return values.map((value) => `${value}={{int:${messages[value]}}}`).join("|");
}
function fill(source, base) {
  const values = {
    BASE: normalizeTitle(base),
    STATUSES: STATUSES.join("|"),
    REGIONS: REGIONS.join("|"),
    REQUESTER_TYPES: REQUESTER_TYPES.join("|"),
    FORMATS: FORMATS.join("|"),
    AVAILABILITIES: AVAILABILITIES.join("|"),
    CONTACT_METHODS: CONTACT_METHODS.join("|"),
    HUB_KINDS: HUB_KINDS.join("|"),
    FEEDBACK_ROLES: FEEDBACK_ROLES.join("|"),
    FEEDBACK_OUTCOMES: FEEDBACK_OUTCOMES.join("|"),
    FEEDBACK_STAGES: FEEDBACK_STAGES.join("|"),
    FEEDBACK_USED: FEEDBACK_USED.join("|"),
    STATUS_LABELS: cases(STATUSES, STATUS_MESSAGES),
    REGION_LABELS: cases(REGIONS, REGION_MESSAGES),
    REQUESTER_TYPE_LABELS: cases(REQUESTER_TYPES, REQUESTER_TYPE_MESSAGES),
    AVAILABILITY_LABELS: cases(AVAILABILITIES, AVAILABILITY_MESSAGES),
    HUB_KIND_LABELS: cases(HUB_KINDS, HUB_KIND_MESSAGES),
    FEEDBACK_ROLE_LABELS: cases(FEEDBACK_ROLES, FEEDBACK_ROLE_MESSAGES),
    FEEDBACK_OUTCOME_LABELS: cases(FEEDBACK_OUTCOMES, FEEDBACK_OUTCOME_MESSAGES),
    FEEDBACK_STAGE_LABELS: cases(FEEDBACK_STAGES, FEEDBACK_STAGE_MESSAGES),
    FEEDBACK_USED_LABELS: cases(FEEDBACK_USED, FEEDBACK_USED_MESSAGES),
    HOLD_REASON_LABELS: cases(HOLD_REASONS, HOLD_REASON_MESSAGES)
  };
  return source.replace(/@([A-Z_]+)@/g, (whole, name) => {
    const value = values[name];
    if (value === void 0) {
      throw new Error(`Unknown placeholder ${whole}`);
    }
    return value;
  });
}
function templateSources(files) {
  const simple = (description, params = {}) => ({
    description: inAllLanguages(files, description),
    params,
    format: "inline"
  });
  return [
    { name: "Capacity request", templateData: recordTemplateData(REQUEST_SCHEMA, "capacitybuilding-templatedata-request", files) },
    { name: "Capacity coach", templateData: recordTemplateData(COACH_SCHEMA, "capacitybuilding-templatedata-coach", files) },
    { name: "Capacity hub", templateData: recordTemplateData(HUB_SCHEMA, "capacitybuilding-templatedata-hub", files) },
    { name: "Capacity feedback", templateData: recordTemplateData(FEEDBACK_SCHEMA, "capacitybuilding-templatedata-feedback", files) },
    { name: "Capacity evaluation", templateData: recordTemplateData(EVALUATION_SCHEMA, "capacitybuilding-templatedata-evaluation", files) },
    {
      name: "Capacity status",
      templateData: simple("capacitybuilding-templatedata-status", {
        1: {
          label: inAllLanguages(files, "capacitybuilding-request-field-status"),
          description: inAllLanguages(files, "capacitybuilding-templatedata-status-param"),
          type: "line",
          required: true,
          suggestedvalues: [...STATUSES]
        }
      })
    },
    // Before the form, which transcludes it.
    { name: "Capacity private route", templateData: simple("capacitybuilding-templatedata-private-route") },
    { name: "Capacity request form", templateData: simple("capacitybuilding-templatedata-request-form") },
    { name: "Capacity coach directory", templateData: simple("capacitybuilding-templatedata-coach-directory") },
    { name: "Capacity hubs overview", templateData: simple("capacitybuilding-templatedata-hubs-overview") },
    { name: "Capacity admins queue", templateData: simple("capacitybuilding-templatedata-admins-queue") },
    { name: "Capacity statistics", templateData: simple("capacitybuilding-templatedata-statistics") }
  ];
}
function templatePage(source, options) {
  const body2 = fill(readSource("templates", `${source.name}.wikitext`), options.base);
  const doc = [
    "<noinclude>",
    `{{int:capacitybuilding-template-doc|${options.version}}}`,
    "<templatedata>",
    JSON.stringify(source.templateData, null, "	"),
    "</templatedata>",
    "</noinclude>"
  ].join("\n");
  return { title: `Template:${source.name}`, text: `${body2}${doc}`, contentModel: "wikitext", policy: "managed" };
}
var CATEGORIES = [
  { name: "capacitybuilding-category-requests", description: "capacitybuilding-category-requests-description", hidden: false },
  { name: "capacitybuilding-category-coaches", description: "capacitybuilding-category-coaches-description", hidden: false },
  { name: "capacitybuilding-category-hubs", description: "capacitybuilding-category-hubs-description", hidden: false },
  { name: "capacitybuilding-category-invalid", description: "capacitybuilding-category-invalid-description", hidden: true }
];
function desiredPages(options) {
  const base = normalizeTitle(options.base);
  const pages = templateSources(options.messageFiles).map((source) => templatePage(source, options));
  const seeded = (title, file) => ({
    title,
    text: fill(readSource("pages", file), base),
    contentModel: "wikitext",
    policy: "seeded"
  });
  pages.push(
    { title: sitePages(base).topics, text: readSource("pages", "Topics.json"), contentModel: "json", policy: "seeded" },
    { title: CONFIG_PAGE, contentModel: "json", policy: "seeded", text: defaultConfigJson({
      basePage: base,
      bots: options.botUser ? [options.botUser] : [],
      // Every kind of status update with its default switch, so the page shows what can be switched.
      notifications: { ...DEFAULT_NOTIFICATIONS, kinds: defaultSwitches() }
    }).trim() },
    seeded(base, "Base.wikitext"),
    seeded(`${base}/Request support`, "Request support.wikitext"),
    seeded(`${base}/Requests`, "Requests.wikitext"),
    seeded(`${base}/Coaches`, "Coaches.wikitext"),
    seeded(`${base}/Hubs`, "Hubs.wikitext"),
    seeded(`${base}/Queue`, "Queue.wikitext")
  );
  const categorySource = readSource("pages", "Category.wikitext");
  for (const category of CATEGORIES) {
    pages.push({
      title: `Category:${options.contentText(category.name)}`,
      text: fill(categorySource.replace("@HIDDEN@", category.hidden ? "__HIDDENCAT__\n" : "").replace("@DESCRIPTION@", category.description), base),
      contentModel: "wikitext",
      policy: "seeded"
    });
  }
  return pages;
}

// bot/setup/setup.ts
function botAccount(name) {
  return name.replace(/@.*$/, "");
}
async function extensionInstalled(client) {
  const response = await client.request({ action: "query", meta: "siteinfo", siprop: "extensions" });
  const extensions = response.query?.extensions ?? [];
  return extensions.some((extension) => extension.name === "CapacityBuilding");
}
async function runSetup(context) {
  const { client, editor, logger, messages } = context;
  const botUser = botAccount(client.user.name);
  const pages = desiredPages({
    base: context.base,
    version: context.version,
    botUser,
    messageFiles: context.messageFiles,
    contentText: (key) => messages.text(key)
  });
  if (!await extensionInstalled(client)) {
    const keys = templateMessageKeys(pages);
    const messagePages = templateMessagePages(keys, context.messageFiles, client.site.language);
    pages.unshift(...messagePages);
  }
  const current = await readPages(client, pages.map((page) => page.title));
  const report = { created: [], updated: [], unchanged: [], skipped: [] };
  for (const [index, page] of pages.entries()) {
    logger.progress(context.console.text("capacitybuilding-bot-progress-setup"), index, pages.length);
    const state = current.get(page.title);
    if (state?.exists) {
      if (page.policy === "seeded" || state.text === page.text) {
        report.unchanged.push(page.title);
        continue;
      }
      if (!sameUser(state.user, botUser) && !context.force) {
        const reason = context.console.text("capacitybuilding-bot-skip-edited-by-person", state.user);
        report.skipped.push({ title: page.title, reason });
        logger.warn(context.console.text("capacitybuilding-bot-log-skipped", page.title, reason), { title: page.title });
        continue;
      }
    }
    const outcome = await editor.apply({
      title: page.title,
      text: page.text,
      contentModel: page.contentModel,
      base: state?.exists ? state : null,
      summary: state?.exists ? messages.text("capacitybuilding-bot-summary-setup-update", context.version) : messages.text("capacitybuilding-bot-summary-setup-create")
    });
    if (outcome === "created" || outcome === "would-create") {
      report.created.push(page.title);
    } else if (outcome === "edited" || outcome === "would-edit") {
      report.updated.push(page.title);
    } else if (outcome === "unchanged") {
      report.unchanged.push(page.title);
    } else {
      report.skipped.push(...editor.skipped.filter((s) => s.title === page.title));
    }
  }
  logger.progress(context.console.text("capacitybuilding-bot-progress-setup"), pages.length, pages.length);
  return report;
}

// bot/deploy/deploy.ts
var import_node_fs8 = __toESM(require("node:fs"));
var import_node_path7 = __toESM(require("node:path"));

// bot/deploy/definitions.ts
var BLOCK_BEGIN = "<!-- capacityBuilding gadgets: begin -->";
var BLOCK_END = "<!-- capacityBuilding gadgets: end -->";
var MARKER_ACTIONS = ["view", "edit", "submit"];
function definitionLine(gadget, restriction) {
  const options = ["ResourceLoader"];
  if (gadget.onMarkerPages) {
    options.push(
      "default",
      "hidden",
      `namespaces=${restriction.namespaces.join(",")}`,
      `actions=${MARKER_ACTIONS.join(",")}`,
      "contentModels=wikitext"
    );
  } else {
    options.push("hidden");
  }
  if (gadget.package) {
    options.push("package");
  }
  if (gadget.type === "styles") {
    options.push("type=styles");
  }
  if (gadget.dependencies.length) {
    options.push(`dependencies=${gadget.dependencies.join(",")}`);
  }
  return `* ${gadget.name}[${options.join("|")}]|${gadget.pages.join("|")}`;
}
function definitionBlock(gadgets, restriction, note) {
  return [
    BLOCK_BEGIN,
    // Only "-->" would end the comment early.
    `<!-- ${note.replace(/--+>/g, "\u2013\u203A")} -->`,
    ...gadgets.map((gadget) => definitionLine(gadget, restriction)),
    BLOCK_END
  ].join("\n");
}
function withBlock(page, block) {
  const begins = page.split(BLOCK_BEGIN).length - 1;
  const ends = page.split(BLOCK_END).length - 1;
  if (begins === 0 && ends === 0) {
    const before = page.replace(/\s+$/, "");
    return { kind: "appended", text: before ? `${before}

${block}` : block };
  }
  const start = page.indexOf(BLOCK_BEGIN);
  const end = page.indexOf(BLOCK_END);
  if (begins !== 1 || ends !== 1 || end < start) {
    return { kind: "damaged" };
  }
  return { kind: "replaced", text: page.slice(0, start) + block + page.slice(end + BLOCK_END.length) };
}
function currentBlock(page) {
  const start = page.indexOf(BLOCK_BEGIN);
  const end = page.indexOf(BLOCK_END);
  const once = page.split(BLOCK_BEGIN).length === 2 && page.split(BLOCK_END).length === 2;
  return once && end > start ? page.slice(start, end + BLOCK_END.length) : null;
}

// bot/deploy/messages.ts
var import_node_crypto3 = __toESM(require("node:crypto"));
var MANIFEST_PAGE = `${GADGET_PAGE_PREFIX}${MESSAGES_MANIFEST}`;
function gadgetMessagePages(gadgets, files) {
  const keys = [...new Set(gadgets.flatMap((gadget) => gadget.messages))].sort();
  const pages = [];
  const manifest = { languages: {} };
  for (const language of Object.keys(files).filter((code) => code !== "en").sort()) {
    const translated = keys.filter((key) => typeof files[language]?.[key] === "string");
    if (!translated.length) {
      continue;
    }
    const messages = Object.fromEntries(translated.map((key) => [key, files[language]?.[key]]));
    const text2 = mediaWikiJson(messages);
    pages.push({ title: messagesPage(language), text: text2 });
    manifest.languages[language] = import_node_crypto3.default.createHash("sha256").update(text2).digest("hex").slice(0, 12);
  }
  pages.push({ title: MANIFEST_PAGE, text: mediaWikiJson(manifest) });
  return pages;
}

// bot/deploy/deploy.ts
var DEFINITIONS_PAGE = "MediaWiki:Gadgets-definition";
var DEPLOY_RIGHTS = ["editsitejs", "editsitecss", "editsitejson", "editinterface"];
var MESSAGES_RIGHTS = ["editsitejson", "editinterface"];
async function namespaceOf(client, title) {
  const response = await client.request({ action: "query", titles: title });
  const page = response.query?.pages?.[0];
  return page?.ns ?? 0;
}
var GADGET_DESCRIPTIONS = {
  styles: "capacitybuilding-gadget-styles",
  init: "capacitybuilding-gadget-init",
  i18n: "capacitybuilding-gadget-i18n",
  shared: "capacitybuilding-gadget-shared",
  coachDirectory: "capacitybuilding-gadget-coachdirectory",
  coachProfile: "capacitybuilding-gadget-coachprofile",
  hubsOverview: "capacitybuilding-gadget-hubsoverview",
  hubDashboard: "capacitybuilding-gadget-hubdashboard",
  hubProfile: "capacitybuilding-gadget-hubprofile",
  privateRoute: "capacitybuilding-gadget-privateroute",
  requestForm: "capacitybuilding-gadget-requestform",
  requestPage: "capacitybuilding-gadget-requestpage",
  statistics: "capacitybuilding-gadget-statistics"
};
function gadgetDescriptionKey(gadget) {
  return GADGET_DESCRIPTIONS[gadget.slice(GADGET_PREFIX.length)] ?? null;
}
function modelOf(page) {
  return page.endsWith(".js") ? "javascript" : page.endsWith(".css") ? "css" : "json";
}
function codePages(gadgets, distDir2) {
  return [...gadgets].reverse().flatMap((gadget) => gadget.pages.filter((page) => !gadget.deployedPages.includes(page)).map((page) => ({
    title: `${GADGET_PAGE_PREFIX}${page}`,
    text: storedText(import_node_fs8.default.readFileSync(import_node_path7.default.join(distDir2, GADGETS_DIR, page), "utf8")),
    contentModel: modelOf(page)
  })));
}
async function runDeploy(context) {
  const { client, logger, console: operator } = context;
  const anonymous = !client.user.loggedIn;
  const botUser = client.user.name.replace(/@.*$/, "");
  if (await extensionInstalled(client)) {
    throw new CredentialsError("capacitybuilding-bot-error-deploy-extension", client.api);
  }
  if (!context.dryRun) {
    const needed = context.messagesOnly ? MESSAGES_RIGHTS : DEPLOY_RIGHTS;
    const missing = needed.filter((right) => !client.user.rights.includes(right));
    if (anonymous || missing.length) {
      const lacking = anonymous ? needed : missing;
      throw new CredentialsError("capacitybuilding-bot-error-deploy-rights", client.user.name, lacking.join(", "), lacking.length);
    }
  }
  const gadgets = readGadgets(context.distDir);
  const base = normalizeTitle(context.base);
  const templatePages = desiredPages({
    base,
    version: context.version,
    botUser,
    messageFiles: context.messageFiles,
    contentText: (key) => context.messages.text(key)
  });
  const wanted = [
    ...gadgetMessagePages(gadgets, context.messageFiles).map((page) => ({ ...page, contentModel: "json" })),
    ...[
      ...templateMessagePages(templateMessageKeys(templatePages), context.messageFiles, client.site.language),
      // What Special:Gadgets says of each gadget: `MediaWiki:Gadget-<name>`.
      ...messagePagesAt(gadgets.flatMap((gadget) => {
        const key = gadgetDescriptionKey(gadget.name);
        return key ? [{ key, title: `${GADGET_PAGE_PREFIX}${gadget.name}` }] : [];
      }), context.messageFiles, client.site.language)
    ].map((page) => ({ title: page.title, text: page.text, contentModel: "wikitext" })),
    ...context.messagesOnly ? [] : codePages(gadgets, context.distDir)
  ];
  const current = await readPages(client, [...wanted.map((page) => page.title), DEFINITIONS_PAGE]);
  const report = {
    created: [],
    updated: [],
    unchanged: [],
    skipped: [],
    definitionBlock: "",
    definitions: "unchanged"
  };
  const summary = context.messages.text("capacitybuilding-bot-summary-deploy", context.version);
  const skip = (title, key, ...params) => {
    const reason = operator.text(key, ...params);
    report.skipped.push({ title, reason });
    logger.warn(operator.text("capacitybuilding-bot-log-skipped", title, reason), { title });
  };
  for (const [index, page] of wanted.entries()) {
    logger.progress(operator.text("capacitybuilding-bot-progress-deploy"), index, wanted.length);
    const state = current.get(page.title);
    if (state?.exists && state.text === page.text) {
      report.unchanged.push(page.title);
      continue;
    }
    if (state?.exists && !anonymous && !sameUser(state.user, botUser) && !context.force) {
      skip(page.title, "capacitybuilding-bot-skip-deploy-edited-by-person", state.user);
      continue;
    }
    const outcome = await context.editor.apply({
      title: page.title,
      text: page.text,
      contentModel: page.contentModel,
      summary,
      base: state?.exists ? state : null
    });
    if (outcome === "created" || outcome === "would-create") {
      report.created.push(page.title);
    } else if (outcome === "edited" || outcome === "would-edit") {
      report.updated.push(page.title);
    } else if (outcome === "unchanged") {
      report.unchanged.push(page.title);
    } else {
      report.skipped.push(...context.editor.skipped.filter((s) => s.title === page.title));
    }
  }
  logger.progress(operator.text("capacitybuilding-bot-progress-deploy"), wanted.length, wanted.length);
  const restriction = { namespaces: context.namespaces ?? [await namespaceOf(client, base)] };
  const block = definitionBlock(gadgets, restriction, context.messages.text("capacitybuilding-bot-deploy-definitions-note"));
  report.definitionBlock = block;
  logger.info(
    `${operator.text("capacitybuilding-bot-log-deploy-definitions", DEFINITIONS_PAGE)}
${block}`,
    { definitions: block.split("\n") }
  );
  const definitionsPage = current.get(DEFINITIONS_PAGE);
  const pageText = definitionsPage?.exists ? definitionsPage.text : "";
  if (currentBlock(pageText) === block) {
    report.definitions = "unchanged";
  } else if (!context.definitions) {
    report.definitions = "differs";
    logger.warn(operator.text("capacitybuilding-bot-log-deploy-definitions-differ", DEFINITIONS_PAGE), { title: DEFINITIONS_PAGE });
  } else {
    const change = withBlock(pageText, block);
    if (change.kind === "damaged") {
      report.definitions = "damaged";
      skip(DEFINITIONS_PAGE, "capacitybuilding-bot-skip-deploy-definitions-damaged", BLOCK_BEGIN);
    } else {
      const outcome = await context.editor.apply({
        title: DEFINITIONS_PAGE,
        text: storedText(change.text),
        summary,
        base: definitionsPage?.exists ? definitionsPage : null
      });
      report.definitions = outcome === "edited" || outcome === "created" ? "edited" : outcome === "would-edit" || outcome === "would-create" ? "would-edit" : outcome === "unchanged" ? "unchanged" : "skipped";
      if (outcome === "skipped") {
        report.skipped.push(...context.editor.skipped.filter((s) => s.title === DEFINITIONS_PAGE));
      }
    }
  }
  return report;
}

// bot/deploy/version.ts
var import_node_child_process = require("node:child_process");
var import_node_path8 = __toESM(require("node:path"));
function sourceVersion(root = import_node_path8.default.resolve(__dirname, "..", "..")) {
  const result = (0, import_node_child_process.spawnSync)(
    "git",
    ["describe", "--always", "--dirty=-modified", "--abbrev=12", "--exclude=*"],
    { cwd: root, encoding: "utf8" }
  );
  const described = result.status === 0 ? String(result.stdout).trim() : "";
  return described || VERSION;
}

// bot/exitCodes.ts
var EXIT = {
  /** Everything done. */
  ok: 0,
  /** An unexpected failure (a bug, or an API error the bot does not handle). */
  failure: 1,
  /** Wrong command-line usage. */
  usage: 2,
  /** Missing or unsafe configuration or credentials, or a failed login. */
  configuration: 3,
  /** The wiki (or the database) could not be reached. */
  unreachable: 4,
  /** Done, but with problems that need a person (pages skipped, malformed pages reported). */
  problems: 5,
  /** Stopped by the emergency shut-off page. */
  stopped: 6
};
var EXIT_MESSAGES = {
  ok: "capacitybuilding-bot-help-exit-ok",
  failure: "capacitybuilding-bot-help-exit-failure",
  usage: "capacitybuilding-bot-help-exit-usage",
  configuration: "capacitybuilding-bot-help-exit-configuration",
  unreachable: "capacitybuilding-bot-help-exit-unreachable",
  problems: "capacitybuilding-bot-help-exit-problems",
  stopped: "capacitybuilding-bot-help-exit-stopped"
};
function exitCodesHelp(messages) {
  const lines = Object.keys(EXIT).map((name) => `  ${EXIT[name]}  ${messages.text(EXIT_MESSAGES[name])}`);
  return [messages.text("capacitybuilding-bot-help-exit-codes"), ...lines].join("\n");
}

// scripts/lib/paths.ts
var import_node_path9 = __toESM(require("node:path"));
var repoRoot = import_node_path9.default.resolve(__dirname, "..", "..");
var distDir = import_node_path9.default.join(repoRoot, "dist");
var artifactsDir = import_node_path9.default.join(repoRoot, "artifacts");

// bot/commands/deploy.ts
function deployCommand(kit) {
  kit.command("deploy", "capacitybuilding-bot-help-command-deploy", "capacitybuilding-bot-help-deploy-after").option("--definitions", kit.t("capacitybuilding-bot-help-option-definitions")).option("--messages-only", kit.t("capacitybuilding-bot-help-option-messages-only")).option("--force", kit.t("capacitybuilding-bot-help-option-deploy-force")).option("--namespaces <numbers>", kit.t("capacitybuilding-bot-help-option-namespaces"), (value) => {
    const numbers = value.split(",").map((part) => part.trim());
    if (!numbers.length || numbers.some((part) => !/^\d+$/.test(part))) {
      throw new import_commander.InvalidArgumentError(kit.t("capacitybuilding-bot-help-namespaces-invalid"));
    }
    return numbers.map(Number);
  }).action(async (options, command) => {
    const ctx = kit.context(command);
    const dryRun = Boolean(ctx.options.dryRun);
    const client = await ctx.wiki({ anonymous: dryRun });
    const version = sourceVersion();
    const editor = await ctx.editor();
    const report = await runDeploy({
      client,
      editor,
      logger: ctx.logger,
      messages: await ctx.contentMessages(),
      console: ctx.messages,
      messageFiles: ctx.messageFiles,
      base: ctx.base,
      version,
      distDir,
      dryRun,
      definitions: Boolean(options.definitions),
      messagesOnly: Boolean(options.messagesOnly),
      force: Boolean(options.force),
      namespaces: options.namespaces ?? null
    });
    const { created, updated, unchanged, skipped } = report;
    const counts = [created, updated, unchanged, skipped].map((list3) => list3.length);
    const done = dryRun ? "capacitybuilding-bot-log-deploy-dry-run" : "capacitybuilding-bot-log-deploy-done";
    ctx.logger.info(ctx.messages.text(done, version, ...counts), {
      version,
      created: report.created,
      updated: report.updated,
      skipped: report.skipped,
      definitions: report.definitions,
      edits: editor.edits
    });
    kit.run.code = report.skipped.length || ["differs", "damaged", "skipped"].includes(report.definitions) ? EXIT.problems : EXIT.ok;
  });
}

// bot/commands/export.ts
var import_commander2 = require("commander");
var import_node_fs9 = __toESM(require("node:fs"));
var import_node_path10 = __toESM(require("node:path"));

// modules/core/suppression.ts
var MIN_ANSWERS = 10;
var MIN_OPTION_COUNT = 5;
var SHARE_DECIMALS = 3;
function roundDown(value) {
  const scale = 10 ** SHARE_DECIMALS;
  return Math.floor(value * scale + 1e-9) / scale;
}
function roundUp(value) {
  const scale = 10 ** SHARE_DECIMALS;
  return Math.ceil(value * scale - 1e-9) / scale;
}
function share(count3, total2) {
  const scale = 10 ** SHARE_DECIMALS;
  return Math.round(scale * count3 / total2) / scale;
}
function suppressQuestion(question, counts, average) {
  const answers = counts.reduce((sum, [, count3]) => sum + count3, 0);
  if (answers < MIN_ANSWERS) {
    return { question, answers: null, average: null, suppressed: "too-few-answers", options: [] };
  }
  const options = counts.map(([option2, count3]) => {
    if (count3 > 0 && count3 < MIN_OPTION_COUNT) {
      const [low, high] = [1, MIN_OPTION_COUNT - 1];
      const range = {
        countLow: low,
        countHigh: high,
        shareLow: roundDown(low / answers),
        shareHigh: roundUp(high / answers)
      };
      return { option: option2, count: null, share: null, range };
    }
    return { option: option2, count: count3, share: share(count3, answers), range: null };
  });
  return { question, answers, average, suppressed: null, options };
}

// modules/core/figures.ts
var FIGURES_VERSION = 1;
var DAY_MS2 = 864e5;
var SCALE = ["1", "2", "3", "4", "5"];
var FEEDBACK_QUESTIONS = [
  { key: "rating", options: SCALE, numeric: true },
  { key: "outcome", options: FEEDBACK_OUTCOMES, numeric: false },
  { key: "confidenceBefore", options: SCALE, numeric: true },
  { key: "confidenceAfter", options: SCALE, numeric: true },
  { key: "used", options: FEEDBACK_USED, numeric: false }
];
var DIMENSIONS = ["region", "language", "topic", "hub"];
var TRIAGE_STATUSES = ["triaged", "matched", "in-progress", "completed", "declined"];
function median(values) {
  if (!values.length) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  return sorted.length % 2 ? upper : (sorted[middle - 1] + upper) / 2;
}
function daysBetween(from, to) {
  const [a, b] = [Date.parse(from), Date.parse(to)];
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) {
    return null;
  }
  return Math.round(10 * (b - a) / DAY_MS2) / 10;
}
function firstReached(history, statuses) {
  const first = /* @__PURE__ */ new Map();
  for (const change of history) {
    if (statuses.includes(change.to) && !first.has(change.requestNumber)) {
      first.set(change.requestNumber, change.at);
    }
  }
  return first;
}
var QUARTER = /^(\d{4})-Q([1-4])$/;
var MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
var YEAR = /^(\d{4})$/;
function utc(year, month) {
  return new Date(Date.UTC(year, month, 1)).toISOString().replace(".000Z", "Z");
}
function parsePeriod(label2) {
  if (label2 === "all") {
    return { label: label2, start: null, end: null };
  }
  const parts = QUARTER.exec(label2) ?? MONTH.exec(label2) ?? YEAR.exec(label2);
  if (!parts) {
    return null;
  }
  const year = Number(parts[1]);
  if (QUARTER.test(label2)) {
    const first = 3 * (Number(parts[2]) - 1);
    return { label: label2, start: utc(year, first), end: utc(year, first + 3) };
  }
  if (MONTH.test(label2)) {
    const month = Number(parts[2]) - 1;
    return { label: label2, start: utc(year, month), end: utc(year, month + 1) };
  }
  return { label: label2, start: utc(year, 0), end: utc(year + 1, 0) };
}
function inPeriod(created, period) {
  if (period.start === null && period.end === null) {
    return true;
  }
  const time = Date.parse(created);
  return !Number.isNaN(time) && (period.start === null || time >= Date.parse(period.start)) && (period.end === null || time < Date.parse(period.end));
}
function medianTo(requests, reached) {
  const days = [];
  for (const { number, request } of requests) {
    const at = reached.get(number);
    const value = at === void 0 ? null : daysBetween(request.created, at);
    if (value !== null) {
      days.push(value);
    }
  }
  return { requests: days.length, median: median(days) };
}
function requestFigures(requests, milestones) {
  const received = requests.length;
  const withStatus = (status) => requests.filter((r) => r.request.status === status).length;
  const [completed, declined, withdrawn] = [withStatus("completed"), withStatus("declined"), withStatus("withdrawn")];
  const rate = (count3) => received ? share(count3, received) : null;
  return {
    received,
    completed,
    declined,
    withdrawn,
    completionRate: rate(completed),
    declineRate: rate(declined),
    withdrawalRate: rate(withdrawn),
    daysToTriage: medianTo(requests, milestones.triage),
    daysToMatch: medianTo(requests, milestones.match),
    daysToComplete: medianTo(requests, milestones.complete)
  };
}
function questionFigure(question, requests) {
  const counts = new Map(question.options.map((option2) => [option2, 0]));
  let sum = 0;
  for (const { feedback } of requests) {
    for (const entry of feedback) {
      const answer = entry[question.key] ?? "";
      const known = counts.get(answer);
      if (known !== void 0) {
        counts.set(answer, known + 1);
        sum += question.numeric ? Number(answer) : 0;
      }
    }
  }
  const answers = [...counts.values()].reduce((a, b) => a + b, 0);
  const average = question.numeric && answers ? Math.round(100 * sum / answers) / 100 : null;
  return suppressQuestion(question.key, [...counts], average);
}
function groupFigures(requests, milestones) {
  return {
    requests: requestFigures(requests, milestones),
    feedback: FEEDBACK_QUESTIONS.map((question) => questionFigure(question, requests))
  };
}
function keysOf(request, dimension) {
  const keys = dimension === "region" ? [request.region] : dimension === "hub" ? [request.hub] : dimension === "language" ? request.languages : request.topics;
  return [...new Set(keys)].filter((key) => key !== "");
}
function byDimension(requests, dimension, milestones) {
  const groups2 = /* @__PURE__ */ new Map();
  for (const request of requests) {
    for (const key of keysOf(request.request, dimension)) {
      const group = groups2.get(key);
      if (group) {
        group.push(request);
      } else {
        groups2.set(key, [request]);
      }
    }
  }
  return [...groups2].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0).map(([key, group]) => ({ key, figures: groupFigures(group, milestones) }));
}
function computeFigures(requests, history, period, hub = null) {
  const chosen = requests.filter((r) => inPeriod(r.request.created, period) && (hub === null || r.request.hub === hub));
  const milestones = {
    triage: firstReached(history, TRIAGE_STATUSES),
    match: firstReached(history, ["matched"]),
    complete: firstReached(history, ["completed"])
  };
  const by = Object.fromEntries(DIMENSIONS.map((d) => [d, byDimension(chosen, d, milestones)]));
  return {
    version: FIGURES_VERSION,
    period,
    hub,
    rules: { minAnswers: MIN_ANSWERS, minOptionCount: MIN_OPTION_COUNT },
    all: groupFigures(chosen, milestones),
    by
  };
}

// bot/export/csv.ts
var FORMULA_START = /^[=+\-@\t\r]/;
var NEEDS_QUOTES = /[",\r\n]/;
function csvCell(value) {
  if (value === null) {
    return "";
  }
  if (typeof value === "number") {
    return String(value);
  }
  const text2 = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text2) ? `"${text2.replace(/"/g, '""')}"` : text2;
}
function csvText(header, rows) {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r
`).join("");
}

// bot/export/files.ts
var TOO_FEW = "capacitybuilding-bot-export-suppression-too-few-answers";
var RANGE = "capacitybuilding-bot-export-suppression-range";
function groupColumns() {
  return [
    { name: "dimension", type: "string", description: "capacitybuilding-bot-export-column-dimension", suppression: null, value: (r) => r.dimension },
    { name: "group", type: "string", description: "capacitybuilding-bot-export-column-group", suppression: null, value: (r) => r.group }
  ];
}
var REQUEST_COLUMNS = [
  ...groupColumns(),
  { name: "received", type: "integer", description: "capacitybuilding-bot-export-column-received", suppression: null, value: (r) => r.figures.received },
  { name: "completed", type: "integer", description: "capacitybuilding-bot-export-column-completed", suppression: null, value: (r) => r.figures.completed },
  { name: "declined", type: "integer", description: "capacitybuilding-bot-export-column-declined", suppression: null, value: (r) => r.figures.declined },
  { name: "withdrawn", type: "integer", description: "capacitybuilding-bot-export-column-withdrawn", suppression: null, value: (r) => r.figures.withdrawn },
  { name: "completion_rate", type: "number", description: "capacitybuilding-bot-export-column-completion-rate", suppression: null, value: (r) => r.figures.completionRate },
  { name: "decline_rate", type: "number", description: "capacitybuilding-bot-export-column-decline-rate", suppression: null, value: (r) => r.figures.declineRate },
  { name: "withdrawal_rate", type: "number", description: "capacitybuilding-bot-export-column-withdrawal-rate", suppression: null, value: (r) => r.figures.withdrawalRate },
  { name: "reached_triage", type: "integer", description: "capacitybuilding-bot-export-column-reached-triage", suppression: null, value: (r) => r.figures.daysToTriage.requests },
  { name: "median_days_to_triage", type: "number", description: "capacitybuilding-bot-export-column-median-days-to-triage", suppression: null, value: (r) => r.figures.daysToTriage.median },
  { name: "reached_match", type: "integer", description: "capacitybuilding-bot-export-column-reached-match", suppression: null, value: (r) => r.figures.daysToMatch.requests },
  { name: "median_days_to_match", type: "number", description: "capacitybuilding-bot-export-column-median-days-to-match", suppression: null, value: (r) => r.figures.daysToMatch.median },
  { name: "reached_completion", type: "integer", description: "capacitybuilding-bot-export-column-reached-completion", suppression: null, value: (r) => r.figures.daysToComplete.requests },
  { name: "median_days_to_complete", type: "number", description: "capacitybuilding-bot-export-column-median-days-to-complete", suppression: null, value: (r) => r.figures.daysToComplete.median }
];
function option(row) {
  return row.question.options[row.option] ?? null;
}
var FEEDBACK_COLUMNS = [
  ...groupColumns(),
  { name: "question", type: "string", description: "capacitybuilding-bot-export-column-question", suppression: null, value: (r) => r.question.question },
  { name: "answers", type: "integer", description: "capacitybuilding-bot-export-column-answers", suppression: TOO_FEW, value: (r) => r.question.answers },
  { name: "average", type: "number", description: "capacitybuilding-bot-export-column-average", suppression: TOO_FEW, value: (r) => r.question.average },
  { name: "option", type: "string", description: "capacitybuilding-bot-export-column-option", suppression: TOO_FEW, value: (r) => option(r)?.option ?? "" },
  { name: "count", type: "integer", description: "capacitybuilding-bot-export-column-count", suppression: RANGE, value: (r) => option(r)?.count ?? null },
  { name: "count_low", type: "integer", description: "capacitybuilding-bot-export-column-count-low", suppression: null, value: (r) => option(r)?.range?.countLow ?? null },
  { name: "count_high", type: "integer", description: "capacitybuilding-bot-export-column-count-high", suppression: null, value: (r) => option(r)?.range?.countHigh ?? null },
  { name: "share", type: "number", description: "capacitybuilding-bot-export-column-share", suppression: RANGE, value: (r) => option(r)?.share ?? null },
  { name: "share_low", type: "number", description: "capacitybuilding-bot-export-column-share-low", suppression: null, value: (r) => option(r)?.range?.shareLow ?? null },
  { name: "share_high", type: "number", description: "capacitybuilding-bot-export-column-share-high", suppression: null, value: (r) => option(r)?.range?.shareHigh ?? null },
  {
    name: "suppression",
    type: "string",
    description: "capacitybuilding-bot-export-column-suppression",
    suppression: null,
    value: (r) => r.question.suppressed ?? (option(r)?.range ? "range" : "")
  }
];
function groups(figures) {
  return [
    { dimension: "all", group: "", figures: figures.all },
    ...DIMENSIONS.flatMap((dimension) => figures.by[dimension].map(
      (g) => ({ dimension, group: g.key, figures: g.figures })
    ))
  ];
}
function requestRows(figures) {
  return groups(figures).map((g) => ({ ...g, figures: g.figures.requests }));
}
function feedbackRows(figures) {
  return groups(figures).flatMap((g) => g.figures.feedback.flatMap((question) => (question.suppressed ? [-1] : question.options.map((_o, i) => i)).map((i) => ({ dimension: g.dimension, group: g.group, question, option: i }))));
}
function table(columns, rows) {
  return csvText(columns.map((c) => c.name), rows.map((row) => columns.map((c) => c.value(row))));
}
function slug(key) {
  return key.normalize("NFC").replace(/[^\p{L}\p{N}._-]+/gu, "_");
}
function exportNames(figures) {
  const prefix = `capacity-building-v${FIGURES_VERSION}-${figures.period.label}${figures.hub === null ? "" : `-hub-${slug(figures.hub)}`}`;
  return {
    requests: `${prefix}-requests.csv`,
    feedback: `${prefix}-feedback.csv`,
    figures: `${prefix}.json`,
    dictionaryJson: `${prefix}-dictionary.json`,
    dictionaryCsv: `${prefix}-dictionary.csv`
  };
}
function dictionary(figures, names, messages) {
  const { minAnswers, minOptionCount } = figures.rules;
  const describe = (columns) => columns.map((c) => ({
    name: c.name,
    type: c.type,
    description: messages.text(c.description, minAnswers, minOptionCount - 1),
    suppression: c.suppression ? messages.text(c.suppression, minAnswers, minOptionCount - 1) : ""
  }));
  return {
    version: FIGURES_VERSION,
    rules: { minAnswers, minOptionCount, text: messages.text("capacitybuilding-bot-export-rules", minAnswers, minOptionCount, minOptionCount - 1) },
    files: [
      { name: names.requests, description: messages.text("capacitybuilding-bot-export-file-requests"), columns: describe(REQUEST_COLUMNS) },
      { name: names.feedback, description: messages.text("capacitybuilding-bot-export-file-feedback"), columns: describe(FEEDBACK_COLUMNS) },
      { name: names.figures, description: messages.text("capacitybuilding-bot-export-file-figures"), columns: [] }
    ]
  };
}
function exportFiles(figures, generated, messages) {
  const names = exportNames(figures);
  const dict = dictionary(figures, names, messages);
  const dictRows = dict.files.flatMap((f) => f.columns.map(
    (c) => [f.name, c.name, c.type, c.description, c.suppression]
  ));
  const json = (value) => `${JSON.stringify(value, null, "	")}
`;
  return [
    { name: names.requests, text: table(REQUEST_COLUMNS, requestRows(figures)) },
    { name: names.feedback, text: table(FEEDBACK_COLUMNS, feedbackRows(figures)) },
    { name: names.figures, text: json({ generated, figures }) },
    { name: names.dictionaryJson, text: json(dict) },
    { name: names.dictionaryCsv, text: csvText(["file", "column", "type", "description", "suppression"], dictRows) }
  ];
}

// modules/core/indexes.ts
var INDEX_VERSION = 2;
var INDEX_NAMES = ["requests", "coaches", "hubs"];
var PART_MAX_BYTES = 512 * 1024;
var PART_FILL_BYTES = 384 * 1024;
var PART_MIN_BYTES = 64 * 1024;
var ENTRY_MAX_BYTES = 16 * 1024;
var DESCRIPTION_EXCERPT = 200;
var BIO_EXCERPT = 300;
var STATISTICS_MAX_KEYS = 200;
var STATISTICS_OTHER_KEY = "(other)";
function compareKeys(a, b) {
  if (typeof a === "number" && typeof b === "number") {
    return a - b;
  }
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isKeyValue(value) {
  return typeof value === "string" || typeof value === "number" && Number.isFinite(value);
}
function readManifest(json, index) {
  if (!isObject2(json) || json.version !== INDEX_VERSION || json.index !== index || !Array.isArray(json.parts) || typeof json.generated !== "string") {
    return null;
  }
  const valid = json.parts.every((part) => isObject2(part) && typeof part.id === "number" && typeof part.page === "string" && typeof part.revid === "number" && isKeyValue(part.first) && isKeyValue(part.last) && typeof part.count === "number" && typeof part.bytes === "number");
  return valid ? json : null;
}
function entryKey(index, entry) {
  if (index === "requests") {
    return entry.number;
  }
  return index === "coaches" ? entry.user : entry.key;
}

// modules/core/statistics.ts
function hubFigures(hubKeys, requests, history) {
  const figures = computeFigures(requests, history, { label: "all", start: null, end: null });
  const byHub = new Map(figures.by.hub.map((group) => [group.key, group.figures.requests]));
  const out = {};
  for (const key of [...hubKeys].sort(compareKeys)) {
    const group = byHub.get(key);
    const open = requests.filter((r) => r.request.hub === key && !FINAL_STATUSES.includes(r.request.status)).length;
    out[key] = {
      open,
      received: group?.received ?? 0,
      medianDaysToTriage: group?.daysToTriage.median ?? null,
      medianDaysToMatch: group?.daysToMatch.median ?? null,
      completionRate: group?.completionRate ?? null
    };
  }
  return out;
}
var ACTIVE_STATUSES = ["matched", "in-progress"];
function count(into, key) {
  if (key !== "") {
    into[key] = (into[key] ?? 0) + 1;
  }
}
function zeroes(keys) {
  return Object.fromEntries(keys.map((key) => [key, 0]));
}
function activeLoad(requests) {
  const load = /* @__PURE__ */ new Map();
  for (const { request } of requests) {
    if (ACTIVE_STATUSES.includes(request.status)) {
      for (const coach of new Set(request.coach.map(normalizeUsername))) {
        load.set(coach, (load.get(coach) ?? 0) + 1);
      }
    }
  }
  return load;
}
function boundCounts(counts, keep = [], max = STATISTICS_MAX_KEYS) {
  const merged = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(counts)) {
    const short = [...key].length > 64 ? [...key].slice(0, 64).join("") : key;
    merged.set(short, (merged.get(short) ?? 0) + value);
  }
  if (merged.size <= max) {
    return Object.fromEntries(merged);
  }
  const known = (key) => Number(keep.includes(key));
  const ranked = [...merged].sort((a, b) => known(b[0]) - known(a[0]) || b[1] - a[1] || compareKeys(a[0], b[0]));
  const kept = new Map(ranked.slice(0, max - 1));
  const other2 = ranked.slice(max - 1).reduce((sum, [, value]) => sum + value, 0);
  const bounded = {};
  for (const [key, value] of merged) {
    if (kept.has(key)) {
      bounded[key] = value;
    }
  }
  bounded[STATISTICS_OTHER_KEY] = (bounded[STATISTICS_OTHER_KEY] ?? 0) + other2;
  return bounded;
}
function buildStatistics(base, generated, requests, coaches, daysToMatch2 = []) {
  const stats = {
    version: INDEX_VERSION,
    generated,
    base,
    requests: {
      total: requests.length,
      byStatus: zeroes(STATUSES),
      byRegion: zeroes(REGIONS),
      byFormat: zeroes(FORMATS),
      byTopic: {},
      byLanguage: {},
      byHub: {},
      byMonth: {},
      medianDaysToMatch: median(daysToMatch2)
    },
    coaches: { total: coaches.length, byAvailability: {}, byLanguage: {}, byTopic: {}, byRegion: {} },
    feedback: { entries: 0, averageRating: null, byOutcome: zeroes(FEEDBACK_OUTCOMES) }
  };
  const ratings = [];
  for (const { request, feedback } of requests) {
    count(stats.requests.byStatus, request.status);
    count(stats.requests.byRegion, request.region);
    count(stats.requests.byHub, request.hub);
    count(stats.requests.byMonth, request.created.slice(0, 7));
    request.formats.forEach((format) => count(stats.requests.byFormat, format));
    request.topics.forEach((topic) => count(stats.requests.byTopic, topic));
    request.languages.forEach((language) => count(stats.requests.byLanguage, language));
    for (const entry of feedback) {
      stats.feedback.entries++;
      count(stats.feedback.byOutcome, entry.outcome);
      if (/^[1-5]$/.test(entry.rating)) {
        ratings.push(Number(entry.rating));
      }
    }
  }
  stats.feedback.averageRating = ratings.length ? Math.round(100 * ratings.reduce((a, b) => a + b, 0) / ratings.length) / 100 : null;
  for (const { profile } of coaches) {
    count(stats.coaches.byAvailability, profile.availability);
    profile.languages.forEach((language) => count(stats.coaches.byLanguage, language));
    profile.topics.forEach((topic) => count(stats.coaches.byTopic, topic));
    profile.regions.forEach((region) => count(stats.coaches.byRegion, region));
  }
  const bound = (group, known) => {
    for (const [name, value] of Object.entries(group)) {
      if (typeof value === "object" && value !== null) {
        group[name] = boundCounts(value, known[name] ?? []);
      }
    }
  };
  bound(stats.requests, { byStatus: STATUSES, byRegion: REGIONS, byFormat: FORMATS });
  bound(stats.coaches, {});
  bound(stats.feedback, { byOutcome: FEEDBACK_OUTCOMES });
  return stats;
}

// modules/core/routing.ts
var ROUTE_MAX_CANDIDATES = 5;
function listOf(record, field) {
  const value = record[field];
  if (typeof value === "string") {
    return value.split(",").map((item) => item.trim()).filter(Boolean);
  }
  return Array.isArray(value) ? value.filter((item) => typeof item === "string").map((item) => item.trim()).filter(Boolean) : [];
}
function count2(wanted, offered) {
  return new Set(offered.filter((item) => wanted.has(item))).size;
}
function routeRequest(request, hubs) {
  if (String(request.hub ?? "").trim() !== "" || FINAL_STATUSES.includes(request.status)) {
    return null;
  }
  const region = String(request.region ?? "").trim().toUpperCase();
  const topics = new Set(listOf(request, "topics"));
  const requested = listOf(request, "languages").map((code) => code.toLowerCase());
  const languages = new Set(requested.filter((code) => code !== ANY_LANGUAGE));
  const anyLanguage = requested.length === 0 || requested.includes(ANY_LANGUAGE);
  const seen = /* @__PURE__ */ new Set();
  const candidates = [];
  for (const { key, hub, state } of hubs) {
    if (typeof key !== "string" || key === "" || seen.has(key)) {
      continue;
    }
    seen.add(key);
    if (state === "malformed" || typeof hub !== "object" || hub === null || Array.isArray(hub)) {
      continue;
    }
    const record = hub;
    const kind = typeof record.kind === "string" ? record.kind.trim().toLowerCase() : "";
    const sharedTopics = count2(topics, listOf(record, "topics"));
    const sharedLanguages = count2(languages, listOf(record, "languages").map((code) => code.toLowerCase()));
    if (kind === "regional") {
      if (region !== "" && listOf(record, "regions").some((item) => item.toUpperCase() === region)) {
        candidates.push({ key, regional: true, topics: sharedTopics, languages: sharedLanguages });
      }
    } else if (kind === "thematic" && sharedTopics > 0 && (sharedLanguages > 0 || anyLanguage)) {
      candidates.push({ key, regional: false, topics: sharedTopics, languages: sharedLanguages });
    }
  }
  candidates.sort((a, b) => Number(b.regional) - Number(a.regional) || b.topics - a.topics || b.languages - a.languages || compareKeys(a.key, b.key));
  const keys = candidates.slice(0, ROUTE_MAX_CANDIDATES).map((candidate) => candidate.key);
  return { hubs: keys, queue: keys.length ? "hubs" : "admins" };
}

// bot/publish/entries.ts
function cutText(value, max) {
  if (value.length <= max) {
    return value;
  }
  let end = 0;
  for (let count3 = 0; count3 < max && end < value.length; count3++) {
    const unit = value.charCodeAt(end);
    const next = value.charCodeAt(end + 1);
    end += unit >= 55296 && unit <= 56319 && next >= 56320 && next <= 57343 ? 2 : 1;
  }
  return value.slice(0, end);
}
function nfc(value) {
  if (typeof value === "string") {
    return value.normalize("NFC");
  }
  if (Array.isArray(value)) {
    return value.map(nfc);
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize("NFC"), nfc(v)]));
  }
  return value;
}
function badlyEncoded(value, path11 = "") {
  if (typeof value === "string") {
    return loneSurrogates(value).length ? path11 : null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (loneSurrogates(key).length) {
        return path11;
      }
      const found = badlyEncoded(item, Array.isArray(value) ? path11 : path11 ? `${path11}.${key}` : key);
      if (found !== null) {
        return found;
      }
    }
  }
  return null;
}
var CUT_LEVELS = [
  { text: 0, items: 0, history: 0 },
  { text: 200, items: 20, history: 20 },
  { text: 40, items: 5, history: 5 }
];
function cutRecord(record, level, fixed, cut) {
  const out = {};
  for (const [key, value] of Object.entries(record)) {
    const max = fixed[key] ?? level.text;
    if (typeof value === "string") {
      const short = max ? cutText(value, max) : value;
      if (short !== value) {
        cut.add(key);
      }
      out[key] = short;
    } else if (Array.isArray(value)) {
      const items2 = level.items && value.length > level.items ? value.slice(0, level.items) : value;
      const short = level.text ? items2.map((item) => cutText(item, level.text)) : items2;
      if (short.length !== value.length || short.some((item, i) => item !== value[i])) {
        cut.add(key);
      }
      out[key] = short;
    } else {
      out[key] = value;
    }
  }
  return out;
}
var ENTRY_INDENT = "		";
var entryTexts = /* @__PURE__ */ new WeakMap();
function entryText(entry) {
  let text2 = entryTexts.get(entry);
  if (text2 === void 0) {
    text2 = mediaWikiJson(entry, ENTRY_INDENT);
    entryTexts.set(entry, text2);
  }
  return text2;
}
function entryBytes(entry) {
  return byteLength(entryText(entry)) + ENTRY_INDENT.length + 2;
}
function fitted(make) {
  for (const [i, level] of CUT_LEVELS.entries()) {
    const cut = /* @__PURE__ */ new Set();
    const entry = make(level, cut);
    if (cut.size) {
      entry.cut = [...cut].sort();
    }
    if (entryBytes(entry) <= ENTRY_MAX_BYTES) {
      return { entry, level: i };
    }
  }
  return { entry: null, level: CUT_LEVELS.length };
}
function stateOf(revid, problems) {
  const own = problems.filter((p) => p.revid === revid);
  if (own.some((p) => p.kind === "malformed")) {
    return "malformed";
  }
  return own.some((p) => p.kind === "invalid") ? "invalid" : "valid";
}
function build(record, raw, make) {
  const field = badlyEncoded(raw);
  if (field !== null) {
    return { entry: null, problem: { page: record.page, revid: record.revid, message: "capacitybuilding-bot-publish-problem-encoding", params: [field || "-"] } };
  }
  const { entry, level } = fitted(make);
  if (!entry) {
    return { entry: null, problem: { page: record.page, revid: record.revid, message: "capacitybuilding-bot-publish-problem-too-large", params: [ENTRY_MAX_BYTES] } };
  }
  return {
    entry,
    problem: level > 0 ? { page: record.page, revid: record.revid, message: "capacitybuilding-bot-publish-problem-shortened", params: [(entry.cut ?? []).join(", ")] } : null
  };
}
function buildEntries(snapshot) {
  const problemsOf = /* @__PURE__ */ new Map();
  for (const p of snapshot.problems) {
    problemsOf.set(p.page, [...problemsOf.get(p.page) ?? [], p]);
  }
  const historyOf = /* @__PURE__ */ new Map();
  for (const change of snapshot.history) {
    historyOf.set(change.requestNumber, [...historyOf.get(change.requestNumber) ?? [], change]);
  }
  const common = (record) => {
    const problems = problemsOf.get(record.page) ?? [];
    return {
      page: record.page,
      revid: record.revid,
      updated: record.updated,
      problems: problems.length,
      state: stateOf(record.revid, problems)
    };
  };
  const out = { requests: [], coaches: [], hubs: [], problems: [] };
  const keep = (into, built) => {
    if (built.entry) {
      into.push(built.entry);
    }
    if (built.problem) {
      out.problems.push(built.problem);
    }
  };
  const hubs = snapshot.hubs.map((stored) => build(stored, stored.record, (level, cut) => nfc({
    key: stored.key,
    ...common(stored),
    hub: cutRecord(stored.record, level, {}, cut)
  })));
  const routable = hubs.flatMap((built) => built.entry ? [built.entry] : []);
  for (const stored of snapshot.requests) {
    const route2 = routeRequest(nfc(stored.record), routable);
    const history = [...historyOf.get(stored.number) ?? []].sort((a, b) => a.revid - b.revid);
    keep(out.requests, build(stored, [stored.record, history], (level, cut) => {
      const rows = level.history && history.length > level.history ? history.slice(-level.history) : history;
      if (rows.length !== history.length) {
        cut.add("history");
      }
      const entryHistory = rows.map((row) => {
        const item = { from: row.from, to: row.to, user: row.user, at: row.at, revid: row.revid };
        if (row.comment !== void 0) {
          item.comment = level.text ? cutText(row.comment, level.text) : row.comment;
          if (item.comment !== row.comment) {
            cut.add("history");
          }
        }
        return item;
      });
      return nfc({
        number: stored.number,
        ...common(stored),
        request: cutRecord(stored.record, level, { description: DESCRIPTION_EXCERPT }, cut),
        feedback: stored.feedback.length,
        history: entryHistory,
        ...route2 ? { route: route2 } : {}
      });
    }));
  }
  const load = activeLoad(snapshot.requests.map((r) => ({ request: r.record })));
  for (const stored of snapshot.coaches) {
    keep(out.coaches, build(stored, stored.record, (level, cut) => nfc({
      user: stored.user,
      ...common(stored),
      profile: cutRecord(stored.record, level, { bio: BIO_EXCERPT }, cut),
      activeRequests: load.get(stored.user) ?? 0
    })));
  }
  for (const built of hubs) {
    keep(out.hubs, built);
  }
  out.requests.sort((a, b) => a.number - b.number);
  const byKey = (index) => (a, b) => {
    const [x, y] = [String(entryKey(index, a)), String(entryKey(index, b))];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  out.coaches.sort(byKey("coaches"));
  out.hubs.sort(byKey("hubs"));
  return out;
}

// bot/export/storeFigures.ts
function figureRequests(stored) {
  return stored.filter((r) => badlyEncoded([r.record, r.feedback]) === null).map((r) => ({ number: r.number, request: r.record, feedback: r.feedback }));
}
function figuresOf(stored, history, period, hub) {
  const requests = stored.filter((r) => badlyEncoded([r.record, r.feedback]) === null);
  const times = [...requests.map((r) => r.updated), ...history.map((c) => c.at)];
  const generated = times.reduce((a, b) => a === null || b > a ? b : a, null);
  const figures = computeFigures(figureRequests(requests), history, period, hub);
  return { figures, generated };
}
async function storeFigures(store, period, hub) {
  return figuresOf(await store.requests(), await store.statusHistory(), period, hub);
}

// bot/commands/export.ts
var DEFAULT_PERIOD = "all";
function writeFiles(dir, files) {
  import_node_fs9.default.mkdirSync(dir, { recursive: true });
  return files.map((file) => {
    const target = import_node_path10.default.join(dir, file.name);
    const partial = `${target}.partial`;
    import_node_fs9.default.writeFileSync(partial, file.text, "utf8");
    import_node_fs9.default.renameSync(partial, target);
    return target;
  });
}
async function exportToDirectory(store, options, messages) {
  const { figures, generated } = await storeFigures(store, options.period, options.hub);
  return { figures, written: writeFiles(options.out, exportFiles(figures, generated, messages)) };
}
function exportCommand(kit) {
  const t = kit.t.bind(kit);
  kit.command("export", "capacitybuilding-bot-help-command-export", "capacitybuilding-bot-help-export-after").requiredOption("--out <dir>", t("capacitybuilding-bot-help-option-out")).option("--period <period>", t("capacitybuilding-bot-help-option-period", DEFAULT_PERIOD), (value) => {
    const period = parsePeriod(value);
    if (!period) {
      throw new import_commander2.InvalidArgumentError(t("capacitybuilding-bot-help-period-invalid"));
    }
    return period;
  }, parsePeriod(DEFAULT_PERIOD)).option("--hub <key>", t("capacitybuilding-bot-help-option-hub")).action(async (options, command) => {
    const ctx = kit.context(command);
    const m = ctx.messages;
    const store = await ctx.store();
    try {
      const hub = options.hub ?? null;
      const { out, period } = options;
      const { figures, written } = await exportToDirectory(store, { out, period, hub }, m);
      for (const file of written) {
        ctx.logger.info(m.text("capacitybuilding-bot-log-export-file", file), { file });
      }
      const received = figures.all.requests.received;
      const label2 = options.period.label;
      ctx.logger.info(
        hub === null ? m.text("capacitybuilding-bot-log-export-done", written.length, options.out, received, label2) : m.text("capacitybuilding-bot-log-export-done-hub", written.length, options.out, received, label2, hub),
        { files: written, period: label2, hub, received }
      );
      kit.run.code = EXIT.ok;
    } finally {
      await store.close();
    }
  });
}

// bot/commands/notify.ts
var import_commander3 = require("commander");

// bot/notify/notify.ts
var import_mwn3 = require("mwn");

// bot/notify/events.ts
var MAX_MENTIONS = 50;
function programmeNoticeboard(base, config) {
  return config.notifications.noticeboard ? normalizeTitle(config.notifications.noticeboard) : `${normalizeTitle(base)}/Noticeboard`;
}
function userTalk(user2) {
  return `User talk:${normalizeUsername(user2)}`;
}
function snapshotOf(request) {
  return {
    requestNumber: request.number,
    revid: request.revid,
    status: request.record.status,
    hub: request.record.hub,
    offers: request.record.offers.map(normalizeUsername),
    coach: request.record.coach.map(normalizeUsername)
  };
}
function sameSnapshot(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function recipientsOf(names, actor) {
  const out = [];
  for (const name of names.map(normalizeUsername)) {
    if (isValidUsername(name) && name !== normalizeUsername(actor) && !out.includes(name)) {
      out.push(name);
    }
  }
  return out;
}
function digestBoards(request, hubs, input) {
  const programme = programmeNoticeboard(input.base, input.config);
  const boardOf = (hub) => hub?.record.noticeboard ? normalizeTitle(hub.record.noticeboard) : programme;
  if (!request || request.record.hub) {
    return [{ board: boardOf(request ? hubs.get(request.record.hub) : void 0), contacts: null }];
  }
  const routable = [...hubs.values()].map((h) => ({ key: h.key, hub: h.record }));
  const routed = routeRequest(request.record, routable);
  const boards = [];
  for (const key of routed?.hubs ?? []) {
    const hub = hubs.get(key);
    const board = boardOf(hub);
    if (!boards.some((b) => b.board === board)) {
      boards.push({ board, contacts: board === programme ? null : hub?.record.contacts ?? [] });
    }
  }
  return boards.length ? boards : [{ board: programme, contacts: null }];
}
function route(event, request, hubs, input) {
  const kind = KINDS[event.kind];
  const { config } = input;
  const people = recipientsOf(kind.recipients(event, request, hubs, config), event.actor);
  const data = { ...event.data, actor: event.actor, revid: event.revid };
  const draft = (key, channel, target, recipients) => ({
    key,
    kind: event.kind,
    request: event.request,
    channel,
    target,
    recipients,
    eventAt: event.at,
    data
  });
  const talkCopies = (names) => names.map((name) => draft(
    `${event.key}-talk-${nameKey(name)}`,
    "talk",
    userTalk(name),
    [name]
  ));
  const configuredTalk = config.notifications.userTalk.includes(event.kind);
  switch (kind.channel) {
    case "talk":
      return people.map((name) => draft(
        people.length === 1 ? event.key : `${event.key}-talk-${nameKey(name)}`,
        "talk",
        userTalk(name),
        [name]
      ));
    case "digest": {
      const drafts = [];
      const everyone = /* @__PURE__ */ new Set();
      const unreached = /* @__PURE__ */ new Set();
      for (const [index, { board, contacts }] of digestBoards(request, hubs, input).entries()) {
        const told = contacts ? recipientsOf(contacts, event.actor) : people;
        told.forEach((name) => everyone.add(name));
        told.slice(MAX_MENTIONS).forEach((name) => unreached.add(name));
        drafts.push(draft(
          index === 0 ? event.key : `${event.key}-board-${nameKey(board)}`,
          "digest",
          board,
          told.slice(0, MAX_MENTIONS)
        ));
      }
      return [...drafts, ...talkCopies([...configuredTalk ? everyone : unreached])];
    }
    case "request": {
      if (!request) {
        return [];
      }
      const mentioned = config.notifications.mentions ? people.slice(0, MAX_MENTIONS) : [];
      const unreached = people.filter((name) => !mentioned.includes(name));
      return [
        draft(event.key, "request", request.page, mentioned),
        ...talkCopies(configuredTalk ? people : unreached)
      ];
    }
  }
}
function detect(input) {
  const { config, now, since } = input;
  const hubs = new Map(input.hubs.map((h) => [h.key, h]));
  const history = /* @__PURE__ */ new Map();
  for (const change of input.history) {
    history.set(change.requestNumber, [...history.get(change.requestNumber) ?? [], change]);
  }
  const enabled = NOTICE_KINDS.filter((kind) => kindEnabled(kind, config));
  const events = [];
  const snapshots = [];
  for (const request of input.requests) {
    const changes = [...history.get(request.number) ?? []].sort((a, b) => a.revid - b.revid);
    const snapshot = input.snapshots.get(request.number) ?? null;
    const creation = changes.find((c) => c.from === "") ?? null;
    const created = creation?.at ?? request.record.created;
    const situation = {
      request,
      snapshot,
      creation,
      current: changes[changes.length - 1] ?? null,
      changes: changes.filter((c) => c.from !== "" && (!snapshot || c.revid > snapshot.revid)),
      createdSince: created >= since,
      config,
      now
    };
    for (const kind of enabled) {
      const definition = KINDS[kind];
      if (definition.scope === "request") {
        events.push(...definition.events(situation).map((event) => ({ event, request })));
      }
    }
    const next = snapshotOf(request);
    if (!snapshot || !sameSnapshot(snapshot, next)) {
      snapshots.push(next);
    }
  }
  for (const coach of input.coaches) {
    for (const kind of enabled) {
      const definition = KINDS[kind];
      if (definition.scope === "coach") {
        const found = definition.events({ coach, config, now });
        events.push(...found.map((event) => ({ event, request: null })));
      }
    }
  }
  const notices = events.filter(({ event }) => event.at >= since).flatMap(({ event, request }) => route(event, request, hubs, input));
  return { notices, snapshots };
}

// bot/notify/language.ts
var LEVELS = ["N", "5", "4", "3", "2", "1", "0"];
function babelLanguages(babel) {
  const rank = (level) => {
    const at = LEVELS.indexOf(level.toUpperCase());
    return at < 0 ? LEVELS.length : at;
  };
  return Object.entries(babel).map(([code, level], index) => ({ code: code.toLowerCase(), rank: rank(level), index })).sort((a, b) => a.rank - b.rank || a.index - b.index).map((entry) => entry.code);
}
function chooseLanguage(candidates, available, info) {
  for (const candidate of candidates) {
    const code = candidate.trim().toLowerCase();
    if (code === "") {
      continue;
    }
    if (code === "qqx" || available.has(code)) {
      return code;
    }
    const fallback = (info.get(code)?.fallbacks ?? []).find((f) => available.has(f));
    if (fallback) {
      return fallback;
    }
  }
  return null;
}
var RTL = /* @__PURE__ */ new Set([
  "ar",
  "arc",
  "arz",
  "azb",
  "bcc",
  "bgn",
  "bqi",
  "ckb",
  "dv",
  "fa",
  "glk",
  "he",
  "khw",
  "kk-arab",
  "ks",
  "ks-arab",
  "ku-arab",
  "lki",
  "luz",
  "mzn",
  "nqo",
  "pnb",
  "ps",
  "sd",
  "sdh",
  "skr",
  "ug",
  "ur",
  "yi"
]);
function directionOf(code, info) {
  return info.get(code)?.dir ?? (RTL.has(code) ? "rtl" : "ltr");
}

// bot/notify/ledger.ts
var MAX_ATTEMPTS = 3;
var SINCE_STATE = "notify-since";
function fromRow(row) {
  return {
    key: row.notice_key,
    kind: row.kind,
    request: Number(row.request_number),
    channel: row.channel,
    target: row.target,
    recipients: JSON.parse(row.recipients),
    language: row.language,
    state: row.state,
    detail: JSON.parse(row.detail),
    attempts: Number(row.attempts),
    eventAt: row.event_at,
    created: row.created,
    updated: row.updated,
    revid: Number(row.revid),
    digest: row.digest,
    data: JSON.parse(row.data)
  };
}
function isoNow(now = /* @__PURE__ */ new Date()) {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}
var Ledger = class {
  constructor(store) {
    this.store = store;
  }
  store;
  get db() {
    return this.store.db;
  }
  async since() {
    return this.store.state(SINCE_STATE);
  }
  async snapshots() {
    const rows = await this.db.selectFrom("notify_snapshots").selectAll().execute();
    return new Map(rows.map((row) => [Number(row.request_number), {
      requestNumber: Number(row.request_number),
      revid: Number(row.revid),
      status: row.status,
      hub: row.hub,
      offers: JSON.parse(row.offers),
      coach: JSON.parse(row.coach)
    }]));
  }
  /** Which of these keys the ledger has (in any state). */
  async known(keys) {
    const found = /* @__PURE__ */ new Set();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db.selectFrom("notifications").select("notice_key").where("notice_key", "in", keys.slice(i, i + 500)).execute();
      for (const row of rows) {
        found.add(row.notice_key);
      }
    }
    return found;
  }
  /**
   * Records new notices as pending and the snapshots of what they announce, together or not at all:
   * an event is either recorded for posting or still to be found again.
   *
   * @param notices New notices
   * @param snapshots Changed snapshots
   * @param since The moment notifications start, when this is the first round
   * @param now
   */
  async record(notices, snapshots, since, now) {
    if (!notices.length && !snapshots.length && since === null) {
      return;
    }
    await this.db.transaction().execute(async (tx) => {
      if (since !== null) {
        await tx.deleteFrom("sync_state").where("name", "=", SINCE_STATE).execute();
        await tx.insertInto("sync_state").values({ name: SINCE_STATE, value: since }).execute();
      }
      for (const n of notices) {
        await tx.insertInto("notifications").values({
          notice_key: n.key,
          kind: n.kind,
          request_number: n.request,
          channel: n.channel,
          target: n.target,
          recipients: JSON.stringify(n.recipients),
          state: "pending",
          detail: "{}",
          event_at: n.eventAt,
          created: now,
          updated: now,
          data: JSON.stringify(n.data)
        }).execute();
      }
      for (const s of snapshots) {
        await tx.deleteFrom("notify_snapshots").where("request_number", "=", s.requestNumber).execute();
        await tx.insertInto("notify_snapshots").values({
          request_number: s.requestNumber,
          revid: s.revid,
          status: s.status,
          hub: s.hub,
          offers: JSON.stringify(s.offers),
          coach: JSON.stringify(s.coach)
        }).execute();
      }
    });
  }
  /** Notices to post or to check: pending, posting, and failed ones with attempts left, oldest first. */
  async open() {
    const rows = await this.db.selectFrom("notifications").selectAll().where((eb) => eb.or([
      eb("state", "in", ["pending", "posting"]),
      eb.and([eb("state", "=", "failed"), eb("attempts", "<", MAX_ATTEMPTS)])
    ])).orderBy("created").orderBy("event_at").orderBy("notice_key").execute();
    return rows.map(fromRow);
  }
  /** Every notice in a state (for `status`), newest first, at most `limit`. */
  async list(state, limit = 1e3) {
    const rows = await this.db.selectFrom("notifications").selectAll().where("state", "=", state).orderBy("updated", "desc").orderBy("notice_key").limit(limit).execute();
    return rows.map(fromRow);
  }
  async counts() {
    const rows = await this.db.selectFrom("notifications").select(["state", (eb) => eb.fn.countAll().as("n")]).groupBy("state").execute();
    const counts = { pending: 0, posting: 0, sent: 0, skipped: 0, failed: 0 };
    for (const row of rows) {
      counts[row.state] = Number(row.n);
    }
    return counts;
  }
  /** Marks notices as being posted (before their edit), with the language and digest they go out in. */
  async posting(keys, language, digest, now) {
    await this.db.updateTable("notifications").set({ state: "posting", language, digest, updated: now }).where("notice_key", "in", [...keys]).execute();
  }
  async sent(keys, revid, now) {
    await this.db.updateTable("notifications").set({ state: "sent", revid, detail: "{}", updated: now }).where("notice_key", "in", [...keys]).execute();
  }
  /** Back to pending: the check found no trace of a post, so it is made again. */
  async unposted(keys, now) {
    await this.db.updateTable("notifications").set({ state: "pending", digest: "", updated: now }).where("notice_key", "in", [...keys]).execute();
  }
  async skipped(keys, key, params, now) {
    await this.db.updateTable("notifications").set({ state: "skipped", detail: JSON.stringify({ key, params }), updated: now }).where("notice_key", "in", [...keys]).execute();
  }
  async failed(keys, key, params, now) {
    await this.db.updateTable("notifications").set((eb) => ({
      state: "failed",
      detail: JSON.stringify({ key, params }),
      updated: now,
      attempts: eb("attempts", "+", 1),
      digest: ""
    })).where("notice_key", "in", [...keys]).execute();
  }
  /** People's Babel languages, when read no longer ago than `maxAgeDays`. */
  async people(users, maxAgeDays, now) {
    const found = /* @__PURE__ */ new Map();
    const oldest = isoNow(new Date(now.getTime() - maxAgeDays * 864e5));
    for (let i = 0; i < users.length; i += 500) {
      const rows = await this.db.selectFrom("notify_people").selectAll().where("user", "in", users.slice(i, i + 500)).where("fetched", ">=", oldest).execute();
      for (const row of rows) {
        found.set(row.user, JSON.parse(row.languages));
      }
    }
    return found;
  }
  async rememberPerson(user2, languages, now) {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("notify_people").where("user", "=", user2).execute();
      await tx.insertInto("notify_people").values({ user: user2, languages: JSON.stringify(languages), fetched: now }).execute();
    });
  }
};

// bot/notify/read.ts
function merge(into, response, normalized) {
  const result = response.query ?? {};
  const spelled = /* @__PURE__ */ new Map();
  for (const entry of result.normalized ?? []) {
    spelled.set(entry.to, [...spelled.get(entry.to) ?? [], entry.from]);
  }
  for (const entry of result.redirects ?? []) {
    normalized.set(entry.to, [
      ...normalized.get(entry.to) ?? [],
      entry.from,
      ...spelled.get(entry.from) ?? []
    ]);
  }
  for (const [to, from] of spelled) {
    normalized.set(to, [...normalized.get(to) ?? [], ...from]);
  }
  for (const page of result.pages ?? []) {
    const revision = page.revisions?.[0];
    const known = into.pages.get(page.title);
    if (known?.exists && !revision) {
      continue;
    }
    const state = {
      title: page.title,
      exists: !page.missing && !page.invalid && revision !== void 0,
      text: revision?.slots?.main?.content ?? "",
      contentModel: revision?.slots?.main?.contentmodel ?? "",
      revid: revision?.revid ?? 0,
      timestamp: revision?.timestamp ?? "",
      user: revision?.user ?? "",
      sha1: revision?.sha1 ?? revision?.slots?.main?.sha1 ?? "",
      language: page.pagelanguage ?? ""
    };
    into.pages.set(page.title, state);
    for (const asked of normalized.get(page.title) ?? []) {
      into.pages.set(asked, state);
    }
  }
  for (const user2 of result.users ?? []) {
    into.genders.set(user2.name, user2.gender ?? "unknown");
  }
  for (const [code, info] of Object.entries(result.languageinfo ?? {})) {
    into.languages.set(code, { fallbacks: info.fallbacks ?? [], dir: info.dir === "rtl" ? "rtl" : "ltr" });
  }
  for (const c of result.usercontribs ?? []) {
    into.contributions.push({ revid: c.revid, title: c.title, timestamp: c.timestamp, comment: c.comment ?? "" });
  }
}
async function continued(client, params, into) {
  const normalized = /* @__PURE__ */ new Map();
  let next = params;
  for (; ; ) {
    const response = await client.request(next);
    merge(into, response, normalized);
    if (!response.continue) {
      return;
    }
    next = { ...params, ...response.continue };
  }
}
async function readRound(client, size, wanted) {
  const into = { pages: /* @__PURE__ */ new Map(), genders: /* @__PURE__ */ new Map(), languages: /* @__PURE__ */ new Map(), contributions: [] };
  const titles = [...new Set(wanted.titles)];
  const users = [...new Set(wanted.users)];
  const rounds = Math.max(Math.ceil(titles.length / size), Math.ceil(users.length / size), 1);
  for (let i = 0; i < rounds; i++) {
    const batch = titles.slice(i * size, (i + 1) * size);
    const people = users.slice(i * size, (i + 1) * size);
    const lists = [];
    const params = { action: "query" };
    if (batch.length) {
      Object.assign(params, {
        titles: batch,
        redirects: true,
        prop: ["revisions", "info"],
        rvprop: ["content", "ids", "timestamp", "user", "contentmodel"],
        rvslots: "main"
      });
    }
    if (people.length) {
      lists.push("users");
      Object.assign(params, { ususers: people, usprop: "gender" });
    }
    if (i === 0 && wanted.contributionsSince !== null) {
      lists.push("usercontribs");
      Object.assign(params, {
        ucuser: client.user.name,
        ucend: wanted.contributionsSince,
        uclimit: "max",
        ucprop: ["ids", "title", "timestamp", "comment"]
      });
    }
    if (lists.length) {
      params.list = lists;
    }
    if (i === 0 && wanted.languages.length) {
      Object.assign(params, { meta: "languageinfo", licode: [...new Set(wanted.languages)], liprop: ["fallbacks", "dir"] });
    }
    if (Object.keys(params).length > 1) {
      await continued(client, params, into);
    }
  }
  return into;
}
async function readLanguages(client, codes, into) {
  if (codes.length) {
    await continued(client, { action: "query", meta: "languageinfo", licode: [...codes], liprop: ["fallbacks", "dir"] }, into);
  }
}
async function readBabel(client, user2) {
  const response = await client.request({ action: "query", meta: "babel", babuser: user2 });
  return babelLanguages(response.query?.babel ?? {});
}

// bot/notify/render.ts
var MARKER_PREFIX = ["capacitybuilding", "notice:"].join("-");
function marker(key) {
  return `<!-- ${MARKER_PREFIX}${key} -->`;
}
function escapeWikitext(text2) {
  return text2.replace(/[\r\n\t]+/g, " ").trim().replace(/[&<>[\]{}|~'=_:*#;!\-"\\]/g, (c) => `&#${c.codePointAt(0)};`);
}
function userLink(user2) {
  const name = normalizeUsername(user2);
  return `[[User:${name}|${escapeWikitext(name)}]]`;
}
function gender(genders, user2) {
  return genders.get(normalizeUsername(user2)) ?? "unknown";
}
function list2(voice, items2) {
  return items2.join(voice.messages.text("capacitybuilding-notice-list-separator"));
}
function requestLink(notice) {
  return `[[${notice.data.page ?? ""}|R${notice.request}]]`;
}
function statusLabel(voice, status) {
  return isOneOf(STATUSES, status) ? voice.messages.text(STATUS_MESSAGES[status]) : escapeWikitext(status);
}
function wrap(voice, key, inner) {
  return `<div lang="${voice.language}" dir="${voice.dir}" class="ext-capacitybuilding-notice">${marker(key)}
${inner} ~~~~</div>`;
}
function body(notice, voice, genders, base) {
  const m = voice.messages;
  const { data } = notice;
  const link2 = requestLink(notice);
  const title = escapeWikitext(data.title ?? "");
  const key = KINDS[notice.kind].messages.body;
  const actor = data.actor ? escapeWikitext(data.actor) : "";
  switch (notice.kind) {
    case "triaged":
      return m.text(key, link2, title, `[[${hubTitle(base, data.hub ?? "")}|${escapeWikitext(data.hub ?? "")}]]`);
    case "offered": {
      const coach = data.coaches?.[0] ?? "";
      return m.text(key, link2, title, escapeWikitext(coach), gender(genders, coach));
    }
    case "matched":
      return m.text(
        key,
        link2,
        title,
        list2(voice, (data.coaches ?? []).map(escapeWikitext)),
        (data.coaches ?? []).length
      );
    case "reopened":
      return m.text(key, link2, title, actor, gender(genders, data.actor), statusLabel(voice, data.status ?? ""));
    case "follow-up": {
      const requester = notice.recipients[0] ?? "";
      return m.text(key, link2, title, `${data.page ?? ""}#${FEEDBACK_ANCHOR}`, gender(genders, requester));
    }
    case "away-ended":
      return m.text(key, data.awayUntil ?? "", data.profile ?? "", gender(genders, data.coaches?.[0] ?? ""));
    default:
      return m.text(key, link2, title, actor, gender(genders, data.actor));
  }
}
function composeNotice(notice, voice, genders, base) {
  const m = voice.messages;
  const definition = KINDS[notice.kind];
  const addressees = notice.recipients.map(userLink);
  let text2 = body(notice, voice, genders, base);
  if (addressees.length) {
    text2 = m.text("capacitybuilding-notice-addressed", list2(voice, addressees), text2);
  }
  const reason = notice.data.reason?.trim() ?? "";
  if (definition.reason && reason !== "") {
    text2 += `

${m.text("capacitybuilding-notice-reason", escapeWikitext(reason))}`;
  }
  const number = notice.request ? [notice.request] : [];
  return {
    heading: m.text(definition.messages.heading, ...number),
    text: wrap(voice, notice.key, text2),
    summary: `${m.text(definition.messages.summary, ...number)} [${notice.key}]`
  };
}
function digestLine(notice, voice) {
  const m = voice.messages;
  const { data } = notice;
  const key = KINDS[notice.kind].messages.line;
  const link2 = requestLink(notice);
  const title = escapeWikitext(data.title ?? "");
  switch (notice.kind) {
    case "stale":
      return m.text(key, link2, title, data.days ?? 0, statusLabel(voice, data.status ?? ""));
    case "deadline":
      return m.text(key, link2, title, data.neededBy ?? "");
    default:
      return m.text(key, link2, title);
  }
}
function composeDigest(entries, key, voice, date) {
  const m = voice.messages;
  const people = [];
  for (const entry of entries) {
    for (const name of entry.recipients) {
      if (!people.includes(name)) {
        people.push(name);
      }
    }
  }
  const intro2 = m.text("capacitybuilding-notice-digest-intro", entries.length);
  const lines = entries.map((entry) => `* ${digestLine(entry, voice)} ${marker(entry.key)}`);
  const addressed = people.length ? m.text("capacitybuilding-notice-addressed", list2(voice, people.slice(0, 50).map(userLink)), intro2) : intro2;
  return {
    heading: m.text("capacitybuilding-notice-digest-heading", entries.length, date),
    text: `<div lang="${voice.language}" dir="${voice.dir}" class="ext-capacitybuilding-notice">${marker(key)}
${addressed}
${lines.join("\n")}
~~~~</div>`,
    summary: `${m.text("capacitybuilding-notice-digest-summary", entries.length)} [${key}]`
  };
}

// bot/notify/notify.ts
var DEFAULT_GRACE_SECONDS = 120;
var DEFAULT_BABEL_DAYS = 30;
function parseSince(value, now) {
  if (value === "now") {
    return isoNow(now);
  }
  const ms = Date.parse(value);
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(ms) ? isoNow(new Date(ms)) : null;
}
function configOf(text2) {
  if (text2 === null) {
    return DEFAULT_CONFIG;
  }
  try {
    return parseConfig(JSON.parse(text2)).config;
  } catch {
    return DEFAULT_CONFIG;
  }
}
function draftToNotice(draft, now) {
  return {
    key: draft.key,
    kind: draft.kind,
    request: draft.request,
    channel: draft.channel,
    target: draft.target,
    recipients: draft.recipients,
    language: "",
    state: "pending",
    detail: {},
    attempts: 0,
    eventAt: draft.eventAt,
    created: now,
    updated: now,
    revid: 0,
    digest: "",
    data: draft.data
  };
}
function digestOrder(a, b) {
  const order = ["submitted", "deadline", "stale"];
  return order.indexOf(a.kind) - order.indexOf(b.kind) || a.request - b.request || a.key.localeCompare(b.key);
}
async function runNotify(options) {
  const { client, store, editor, logger, dryRun } = options;
  const m = options.messages;
  const clock = options.now ?? (() => /* @__PURE__ */ new Date());
  const now = clock();
  const stamp = () => isoNow(clock());
  const ledger = new Ledger(store);
  const startRequests = client.requestCount;
  const startEdits = editor.edits;
  const stored = await ledger.since();
  let since = stored ?? isoNow(now);
  let sinceToStore = stored === null ? since : null;
  if (options.since !== void 0) {
    since = parseSince(options.since, now) ?? since;
    sinceToStore = since;
  }
  if (sinceToStore !== null) {
    logger.info(m.text("capacitybuilding-bot-log-notify-since", since), { since });
  }
  const [requests, history, coaches, hubs, configText, snapshots] = await Promise.all([
    store.requests(),
    store.statusHistory(),
    store.coaches(),
    store.hubs(),
    store.state(STATE.config),
    ledger.snapshots()
  ]);
  const config = configOf(configText);
  const detected = detect({ base: options.base, requests, history, coaches, hubs, config, snapshots, since, now });
  const known = await ledger.known(detected.notices.map((n) => n.key));
  const seen = /* @__PURE__ */ new Set();
  const fresh = detected.notices.filter((n) => {
    const isNew = !known.has(n.key) && !seen.has(n.key);
    seen.add(n.key);
    return isNew;
  });
  const report = {
    since,
    recorded: fresh.length,
    sent: 0,
    recovered: 0,
    skipped: 0,
    failed: 0,
    pending: 0,
    digests: 0,
    wouldPost: 0,
    edits: 0,
    reads: 0
  };
  let open;
  if (dryRun) {
    open = [...await ledger.open(), ...fresh.map((d) => draftToNotice(d, isoNow(now)))];
  } else {
    await ledger.record(fresh, detected.snapshots, sinceToStore, isoNow(now));
    open = await ledger.open();
  }
  open.sort((a, b) => a.eventAt.localeCompare(b.eventAt) || (a.data.revid ?? 0) - (b.data.revid ?? 0) || a.key.localeCompare(b.key));
  if (!open.length) {
    return report;
  }
  const byNumber = new Map(requests.map((r) => [r.number, r]));
  const available = new Set(Object.keys(options.messageFiles));
  const contentLanguage = client.site.language;
  const named2 = /* @__PURE__ */ new Set();
  for (const notice of open) {
    for (const name of [...notice.recipients, ...notice.data.coaches ?? [], notice.data.actor]) {
      if (name) {
        named2.add(normalizeUsername(name));
      }
    }
  }
  const langOf = (notice) => byNumber.get(notice.request)?.record.lang ?? "";
  const posting = open.filter((n) => n.state === "posting");
  const oldestPosting = posting.reduce((oldest, n) => n.updated < oldest ? n.updated : oldest, "9999");
  const reads = await readRound(client, options.batchSize ?? client.batchSize, {
    titles: [editor.stopPage, ...open.map((n) => n.target)],
    users: [...named2],
    languages: [.../* @__PURE__ */ new Set([contentLanguage, ...open.map(langOf).filter(Boolean)])],
    contributionsSince: posting.length ? isoNow(new Date(Date.parse(oldestPosting) - 12e4)) : null
  });
  const babelFor = /* @__PURE__ */ new Set();
  const personal = (notice) => {
    const request = byNumber.get(notice.request);
    if (notice.channel === "digest") {
      return null;
    }
    const person = notice.channel === "request" ? request?.record.requester ?? "" : notice.recipients[0] ?? "";
    const theirs = request && sameUser(person, request.record.requester) ? langOf(notice) : "";
    const covered = chooseLanguage([theirs], available, reads.languages) !== null;
    return !covered && person ? normalizeUsername(person) : null;
  };
  for (const notice of open) {
    const person = personal(notice);
    if (person) {
      babelFor.add(person);
    }
  }
  const babel = await ledger.people([...babelFor], options.babelDays ?? DEFAULT_BABEL_DAYS, now);
  for (const user2 of babelFor) {
    if (!babel.has(user2)) {
      const languages = await readBabel(client, user2);
      babel.set(user2, languages);
      if (!dryRun) {
        await ledger.rememberPerson(user2, languages, isoNow(now));
      }
    }
  }
  const unknownCodes = [...new Set([...babel.values()].flat())].filter((code) => !available.has(code) && !reads.languages.has(code));
  await readLanguages(client, unknownCodes, reads);
  report.reads = client.requestCount - startRequests;
  const voices = /* @__PURE__ */ new Map();
  const voice = (candidates) => {
    const language = chooseLanguage([...candidates, contentLanguage], available, reads.languages) ?? "en";
    let messages = voices.get(language);
    if (!messages) {
      messages = new Messages(language, options.messageFiles);
      voices.set(language, messages);
    }
    return { language, dir: directionOf(language, reads.languages), messages };
  };
  const voiceOf = (notice, page) => {
    if (notice.channel === "digest") {
      return voice([page?.language ?? ""]);
    }
    const person = personal(notice);
    const request = byNumber.get(notice.request);
    const owner = notice.channel === "request" ? request?.record.requester ?? "" : notice.recipients[0] ?? "";
    const theirs = request && sameUser(owner, request.record.requester) ? langOf(notice) : "";
    return voice([theirs, ...person ? babel.get(person) ?? [] : []]);
  };
  if (!dryRun) {
    editor.noteShutOff(reads.pages.get(editor.stopPage));
  }
  const toPost = [];
  const graceMs = (options.graceSeconds ?? DEFAULT_GRACE_SECONDS) * 1e3;
  const checked = /* @__PURE__ */ new Set();
  for (const notice of open) {
    if (notice.state !== "posting") {
      toPost.push(notice);
      continue;
    }
    const key = notice.digest || notice.key;
    if (checked.has(key)) {
      continue;
    }
    checked.add(key);
    const group = notice.digest ? open.filter((n) => n.digest === notice.digest && n.state === "posting") : [notice];
    const contribution = reads.contributions.find((c) => c.comment.includes(`[${key}]`));
    const onPage = reads.pages.get(notice.target)?.text.includes(marker(key));
    if (contribution || onPage) {
      if (!dryRun) {
        await ledger.sent(group.map((n) => n.key), contribution?.revid ?? 0, stamp());
      }
      report.recovered += group.length;
      logger.info(m.text("capacitybuilding-bot-log-notify-recovered", key), { key, revid: contribution?.revid ?? 0 });
    } else if (now.getTime() - Date.parse(notice.updated) < graceMs) {
      report.pending += group.length;
    } else {
      if (!dryRun) {
        await ledger.unposted(group.map((n) => n.key), stamp());
      }
      toPost.push(...group.map((n) => ({ ...n, state: "pending", digest: "" })));
    }
  }
  const skip = async (notices, key, params) => {
    const keys = notices.map((n) => n.key);
    report.skipped += keys.length;
    if (!dryRun) {
      await ledger.skipped(keys, key, params, stamp());
    }
    logger.warn(
      m.text("capacitybuilding-bot-log-notify-skipped", notices[0]?.target ?? "", keys.join(", "), m.text(key, ...params)),
      { target: notices[0]?.target, keys, reason: key }
    );
  };
  const post = async (notices, target, content, language, digest, mayCreate) => {
    const keys = notices.map((n) => n.key);
    if (!dryRun) {
      await ledger.posting(keys, language, digest, stamp());
    }
    try {
      const outcome = await editor.appendSection({
        title: target,
        sectionTitle: content.heading,
        text: content.text,
        summary: content.summary,
        base: reads.pages.get(target) ?? null,
        mayCreate,
        messageType: NOTICE_MESSAGE_TYPE
      });
      if (outcome.outcome === "posted") {
        await ledger.sent(keys, outcome.revid, stamp());
        report.sent += keys.length;
        return true;
      }
      if (outcome.outcome === "would-post") {
        report.wouldPost++;
        return true;
      }
      await skip(notices, "capacitybuilding-bot-notice-skip-bots", [outcome.rule.template]);
      return false;
    } catch (error) {
      if (!(error instanceof import_mwn3.MwnError) || !REFUSED_POST_CODES.has(error.code ?? "")) {
        throw error;
      }
      report.failed += keys.length;
      if (!dryRun) {
        await ledger.failed(keys, "capacitybuilding-bot-notice-failed", [`${error.code}: ${error.info ?? ""}`], stamp());
      }
      logger.warn(
        m.text("capacitybuilding-bot-log-notify-failed", target, keys.join(", "), `${error.code}: ${error.info ?? ""}`),
        { target, keys, code: error.code }
      );
      return false;
    }
  };
  for (const notice of toPost.filter((n) => n.channel !== "digest")) {
    const page = reads.pages.get(notice.target);
    if (notice.channel === "request" && !page?.exists) {
      await skip([notice], "capacitybuilding-bot-notice-skip-missing", []);
      continue;
    }
    const speaker = voiceOf(notice, page);
    const content = composeNotice(notice, speaker, reads.genders, options.base);
    await post(
      [notice],
      page?.exists ? page.title : notice.target,
      content,
      speaker.language,
      "",
      notice.channel !== "request"
    );
  }
  const boards = /* @__PURE__ */ new Map();
  for (const notice of toPost.filter((n) => n.channel === "digest")) {
    boards.set(notice.target, [...boards.get(notice.target) ?? [], notice]);
  }
  for (const [target, entries] of boards) {
    entries.sort(digestOrder);
    const page = reads.pages.get(target);
    const speaker = voiceOf(entries[0], page);
    const key = `digest-${nameKey(target)}-${stamp().replace(/\D/g, "")}`;
    const content = composeDigest(entries, key, speaker, isoNow(now).slice(0, 10));
    if (await post(entries, page?.exists ? page.title : target, content, speaker.language, key, true)) {
      report.digests++;
    }
  }
  report.edits = editor.edits - startEdits;
  return report;
}

// bot/commands/notify.ts
async function notifyOnce(ctx, since) {
  const client = await ctx.wiki();
  const store = await ctx.store();
  const grace = ctx.env.CAPACITY_BOT_NOTIFY_GRACE;
  try {
    const report = await runNotify({
      client,
      store,
      editor: await ctx.editor(),
      logger: ctx.logger,
      messages: ctx.messages,
      messageFiles: ctx.messageFiles,
      base: ctx.base,
      dryRun: Boolean(ctx.options.dryRun),
      ...since === void 0 ? {} : { since },
      ...grace ? { graceSeconds: Number(grace) } : {}
    });
    const m = ctx.messages;
    const data = { ...report };
    if (ctx.options.dryRun) {
      ctx.logger.info(m.text("capacitybuilding-bot-log-notify-dry-run", report.wouldPost), data);
    } else {
      ctx.logger.info(m.text(
        "capacitybuilding-bot-log-notify-done",
        report.recorded,
        report.sent,
        report.skipped,
        report.failed,
        report.pending,
        report.edits,
        report.reads
      ), data);
    }
    return report;
  } finally {
    await store.close();
  }
}
function sinceOption(kit) {
  return (value) => {
    if (parseSince(value, /* @__PURE__ */ new Date()) === null) {
      throw new import_commander3.InvalidArgumentError(kit.t("capacitybuilding-bot-help-since-invalid"));
    }
    return value;
  };
}
function notifyCommand(kit) {
  kit.command("notify", "capacitybuilding-bot-help-command-notify", "capacitybuilding-bot-help-notify-after").option("--since <time>", kit.t("capacitybuilding-bot-help-option-since"), sinceOption(kit)).action(async (options, command) => {
    const report = await notifyOnce(kit.context(command), options.since);
    kit.run.code = report.skipped || report.failed ? EXIT.problems : EXIT.ok;
  });
}

// bot/commands/publish.ts
var import_commander4 = require("commander");

// modules/core/statisticsCharts.ts
var STATISTICS_CHART_QUARTERS = 8;
var STATISTICS_CHART_HUBS = 30;
var STATISTICS_CHART_CHARS = 256 * 1024;
var STATISTICS_CHART_KEYS = 40;
var MATCH_BUCKETS = [1, 3, 7, 14, 30, 60, 90];
function matchBucket(days, bounds = MATCH_BUCKETS) {
  const index = bounds.findIndex((bound) => days <= bound);
  return index < 0 ? bounds.length : index;
}
function quarterOf(created) {
  const parts = /^(\d{4})-(\d{2})/.exec(created);
  return parts ? `${parts[1]}-Q${Math.floor((Number(parts[2]) - 1) / 3) + 1}` : null;
}
function receivedBy(groups2, known = []) {
  const counts = Object.fromEntries(known.map((key) => [key, 0]));
  const sorted = [...groups2].sort((a, b) => b.figures.requests.received - a.figures.requests.received || compareKeys(a.key, b.key));
  for (const { key, figures } of sorted) {
    counts[key] = figures.requests.received;
  }
  return boundCounts(counts, known, STATISTICS_CHART_KEYS);
}
function view(requests, history, label2, hub, matchDays) {
  const period = parsePeriod(label2);
  const figures = computeFigures(requests, history, period, hub);
  const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0]));
  const months = /* @__PURE__ */ new Map();
  const buckets = new Array(MATCH_BUCKETS.length + 1).fill(0);
  for (const { number, request } of requests) {
    if (!inPeriod(request.created, period) || hub !== null && request.hub !== hub) {
      continue;
    }
    byStatus[request.status] = (byStatus[request.status] ?? 0) + 1;
    const month = request.created.slice(0, 7);
    const counts = months.get(month) ?? {};
    counts[request.status] = (counts[request.status] ?? 0) + 1;
    months.set(month, counts);
    const days = matchDays.get(number);
    if (days !== void 0) {
      const bucket = matchBucket(days);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
  }
  return {
    period: label2,
    hub,
    received: figures.all.requests.received,
    byStatus: boundCounts(byStatus, STATUSES, STATISTICS_CHART_KEYS),
    byMonth: [...months].sort((a, b) => compareKeys(a[0], b[0])).map(([month, counts]) => ({ month, byStatus: counts })),
    byRegion: receivedBy(figures.by.region, REGIONS),
    byHub: receivedBy(figures.by.hub),
    byTopic: receivedBy(figures.by.topic),
    byLanguage: receivedBy(figures.by.language),
    daysToMatch: { ...figures.all.requests.daysToMatch, buckets },
    feedback: figures.all.feedback
  };
}
function buildCharts(requests, history) {
  const quarters = [...new Set(requests.map((r) => quarterOf(r.request.created)))].filter((q) => q !== null && parsePeriod(q) !== null).sort((a, b) => compareKeys(b, a)).slice(0, STATISTICS_CHART_QUARTERS);
  const perHub = /* @__PURE__ */ new Map();
  for (const { request } of requests) {
    if (request.hub !== "") {
      perHub.set(request.hub, (perHub.get(request.hub) ?? 0) + 1);
    }
  }
  const hubs = [...perHub].sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0])).slice(0, STATISTICS_CHART_HUBS).map(([hub]) => hub).sort(compareKeys);
  const firstMatch = firstReached(history, ["matched"]);
  const matchDays = /* @__PURE__ */ new Map();
  for (const { number, request } of requests) {
    const at = firstMatch.get(number);
    const days = at === void 0 ? null : daysBetween(request.created, at);
    if (days !== null) {
      matchDays.set(number, days);
    }
  }
  const periods = ["all", ...quarters];
  const views = periods.map((period) => view(requests, history, period, null, matchDays));
  let size = views.reduce((sum, v) => sum + JSON.stringify(v).length, 0);
  let omitted = 0;
  for (const period of periods) {
    for (const hub of hubs) {
      const chart = view(requests, history, period, hub, matchDays);
      const chars = JSON.stringify(chart).length;
      if (chart.received === 0) {
        continue;
      }
      if (size + chars > STATISTICS_CHART_CHARS) {
        omitted++;
        continue;
      }
      size += chars;
      views.push(chart);
    }
  }
  const order = (v) => periods.indexOf(v.period) * (hubs.length + 1) + (v.hub === null ? 0 : hubs.indexOf(v.hub) + 1);
  return {
    periods,
    hubs,
    otherKey: STATISTICS_OTHER_KEY,
    matchBuckets: [...MATCH_BUCKETS],
    questions: FEEDBACK_QUESTIONS.map((q) => ({ key: q.key, options: [...q.options], numeric: q.numeric })),
    views: views.sort((a, b) => order(a) - order(b)),
    omitted
  };
}

// bot/publish/partition.ts
function total(items2) {
  return items2.reduce((sum, item) => sum + item.weight, 0);
}
function pack(items2, target) {
  const runs = [];
  let run = [];
  let size = 0;
  for (const item of items2) {
    if (run.length && size + item.weight > target) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += item.weight;
  }
  if (run.length) {
    runs.push(run);
  }
  return runs;
}
function split(items2, limits) {
  const weight = total(items2);
  const count3 = Math.ceil(weight / limits.fill);
  const share2 = weight / count3;
  const pieces = [[]];
  let before = 0;
  for (const item of items2) {
    const current = pieces[pieces.length - 1];
    if (current.length && pieces.length < count3 && before + item.weight / 2 > pieces.length * share2) {
      pieces.push([item]);
    } else {
      current.push(item);
    }
    before += item.weight;
  }
  return pieces;
}
function partition(items2, previous, limits) {
  let groups2;
  const published = [...previous].sort((a, b) => compareKeys(a.first, b.first));
  if (!published.length) {
    groups2 = pack(items2, limits.fill).map((run) => ({ id: null, items: run }));
  } else {
    const byPart = published.map(() => []);
    let at = 0;
    for (const item of items2) {
      while (at + 1 < published.length && compareKeys(published[at + 1].first, item.key) <= 0) {
        at++;
      }
      byPart[at].push(item);
    }
    groups2 = [];
    published.forEach((part, i) => {
      const run = byPart[i];
      if (!run.length) {
        return;
      }
      if (total(run) > limits.max) {
        split(run, limits).forEach((piece, j) => {
          groups2.push({ id: j === 0 ? part.id : null, items: piece });
        });
      } else {
        groups2.push({ id: part.id, items: run });
      }
    });
    for (let i = 0; i < groups2.length; ) {
      const group = groups2[i];
      const size = total(group.items);
      const next = groups2[i + 1];
      const before = groups2[i - 1];
      if (size < limits.min && next && size + total(next.items) <= limits.fill) {
        groups2.splice(i, 2, { id: group.id ?? next.id, items: [...group.items, ...next.items] });
      } else if (size < limits.min && before && size + total(before.items) <= limits.fill) {
        groups2.splice(i - 1, 2, { id: before.id ?? group.id, items: [...before.items, ...group.items] });
        i--;
      } else {
        i++;
      }
    }
  }
  const used = new Set(groups2.map((g) => g.id).filter((id) => id !== null));
  let free = 1;
  return groups2.map((group) => {
    let id = group.id;
    if (id === null) {
      while (used.has(free)) {
        free++;
      }
      id = free;
      used.add(id);
    }
    return { id, items: group.items, weight: total(group.items) };
  });
}

// bot/publish/statisticsPage.ts
var STATISTICS_MARKER = "{{Capacity statistics}}";
function countsTable(m, counts, name, heading, level = "==") {
  const rows = Object.entries(counts).map(([key, value]) => [name(key), String(value)]);
  return [
    `${level} ${m(heading)} ${level}`,
    rows.length ? table2([m(heading), m("capacitybuilding-statistics-column-count")], rows) : m("capacitybuilding-bot-publish-none")
  ].join("\n");
}
function bucketLabel(m, bounds, index) {
  if (index === 0) {
    return m("capacitybuilding-statistics-bucket-first", bounds[0]);
  }
  return index >= bounds.length ? m("capacitybuilding-statistics-bucket-last", bounds[bounds.length - 1]) : m("capacitybuilding-statistics-bucket", bounds[index - 1], bounds[index]);
}
function other(m, key, name) {
  return key === STATISTICS_OTHER_KEY ? m("capacitybuilding-statistics-other") : name(key);
}
function optionLabel(m, messages, question, option2) {
  const key = `capacitybuilding-feedback-${question}-${option2}`;
  return messages.raw(key) !== key ? m(key) : text(option2);
}
function questionLabel(m, messages, question) {
  const key = feedbackQuestionLabel(question);
  return key !== null && messages.raw(key) !== key ? m(key) : text(question);
}
function feedbackTable(m, messages, figure) {
  const heading = `==== ${m("capacitybuilding-statistics-chart-feedback", questionLabel(m, messages, figure.question))} ====`;
  if (figure.suppressed) {
    return [heading, m("capacitybuilding-statistics-suppressed")].join("\n");
  }
  const rows = figure.options.map((o) => [
    optionLabel(m, messages, figure.question, o.option),
    o.range ? m("capacitybuilding-statistics-range", o.range.countLow, o.range.countHigh) : String(o.count),
    o.range ? m("capacitybuilding-statistics-range", o.range.shareLow, o.range.shareHigh) : String(o.share)
  ]);
  return [
    heading,
    m("capacitybuilding-statistics-answers", figure.answers ?? 0) + (figure.average === null ? "" : ` ${m("capacitybuilding-statistics-average", figure.average)}`),
    table2([
      m("capacitybuilding-statistics-column-answer"),
      m("capacitybuilding-statistics-column-answers"),
      m("capacitybuilding-statistics-column-share")
    ], rows)
  ].join("\n");
}
function monthsTable(m, messages, view2) {
  const heading = `==== ${m("capacitybuilding-statistics-chart-months")} ====`;
  if (!view2.byMonth.length) {
    return [heading, m("capacitybuilding-bot-publish-none")].join("\n");
  }
  const rows = view2.byMonth.map(({ month, byStatus }) => [
    text(month),
    ...STATUSES.map((status) => String(byStatus[status] ?? 0))
  ]);
  return [heading, table2([
    m("capacitybuilding-statistics-column-month"),
    ...STATUSES.map((status) => messages.text(STATUS_MESSAGES[status]))
  ], rows)].join("\n");
}
function viewHeading(m, view2) {
  const period = view2.period === "all" ? m("capacitybuilding-statistics-period-all") : text(view2.period);
  return view2.hub === null ? m("capacitybuilding-statistics-view-programme", period) : m("capacitybuilding-statistics-view-hub", period, text(view2.hub));
}
function viewSection(m, messages, charts, view2) {
  const status = (k) => label(STATUSES, STATUS_MESSAGES, k, messages);
  const region = (k) => other(m, k, (key) => label(REGIONS, REGION_MESSAGES, key, messages));
  const plain = (k) => other(m, k, text);
  const match = view2.daysToMatch;
  const buckets = Object.fromEntries(match.buckets.map(
    (count3, i) => [bucketLabel(m, charts.matchBuckets, i), count3]
  ));
  return [
    `=== ${viewHeading(m, view2)} ===`,
    m("capacitybuilding-statistics-received", view2.received),
    countsTable(m, view2.byStatus, status, "capacitybuilding-statistics-chart-status", "===="),
    monthsTable(m, messages, view2),
    countsTable(m, view2.byRegion, region, "capacitybuilding-statistics-chart-region", "===="),
    countsTable(m, view2.byHub, plain, "capacitybuilding-statistics-chart-hub", "===="),
    countsTable(m, view2.byTopic, plain, "capacitybuilding-statistics-chart-topic", "===="),
    countsTable(m, view2.byLanguage, plain, "capacitybuilding-statistics-chart-language", "===="),
    countsTable(m, buckets, (k) => k, "capacitybuilding-statistics-chart-match", "===="),
    match.median === null ? m("capacitybuilding-statistics-no-match") : m("capacitybuilding-statistics-median", match.median, match.requests),
    ...view2.feedback.map((figure) => feedbackTable(m, messages, figure))
  ].join("\n\n");
}
function statisticsPage(stats, messages) {
  const m = sayer(messages);
  const average = stats.feedback.averageRating;
  const median2 = stats.requests.medianDaysToMatch;
  const plain = (k) => other(m, k, text);
  const totals = [
    STATISTICS_MARKER,
    m("capacitybuilding-bot-publish-statistics-intro", stats.requests.total, stats.coaches.total, stats.feedback.entries),
    "",
    median2 === null ? m("capacitybuilding-bot-publish-statistics-no-match") : m("capacitybuilding-bot-publish-statistics-median", median2),
    average === null ? m("capacitybuilding-bot-publish-statistics-no-rating") : m("capacitybuilding-bot-publish-statistics-rating", average),
    "",
    countsTable(m, stats.requests.byStatus, (k) => label(STATUSES, STATUS_MESSAGES, k, messages), "capacitybuilding-request-field-status"),
    countsTable(m, stats.requests.byRegion, (k) => other(m, k, (key) => label(REGIONS, REGION_MESSAGES, key, messages)), "capacitybuilding-request-field-region"),
    countsTable(m, stats.requests.byFormat, (k) => label(FORMATS, FORMAT_MESSAGES, k, messages), "capacitybuilding-request-field-formats"),
    countsTable(m, stats.requests.byTopic, plain, "capacitybuilding-statistics-chart-topic"),
    countsTable(m, stats.requests.byLanguage, plain, "capacitybuilding-statistics-chart-language"),
    countsTable(m, stats.requests.byHub, plain, "capacitybuilding-statistics-chart-hub"),
    countsTable(m, stats.requests.byMonth, plain, "capacitybuilding-bot-publish-statistics-by-month"),
    countsTable(m, stats.coaches.byAvailability, (k) => label(AVAILABILITIES, AVAILABILITY_MESSAGES, k, messages), "capacitybuilding-coach-field-availability"),
    countsTable(m, stats.coaches.byRegion, plain, "capacitybuilding-bot-publish-statistics-coaches-region"),
    countsTable(m, stats.coaches.byTopic, plain, "capacitybuilding-bot-publish-statistics-coaches-topic"),
    countsTable(m, stats.coaches.byLanguage, plain, "capacitybuilding-bot-publish-statistics-coaches-language"),
    countsTable(m, stats.feedback.byOutcome, (k) => optionLabel(m, messages, "outcome", k), "capacitybuilding-feedback-field-outcome")
  ];
  const charts = stats.charts;
  const views = charts ? [
    `== ${m("capacitybuilding-bot-publish-statistics-views")} ==`,
    m("capacitybuilding-bot-publish-statistics-views-intro"),
    ...charts.views.map((view2) => viewSection(m, messages, charts, view2))
  ] : [];
  return [...totals, ...views].join("\n\n");
}

// bot/publish/content.ts
var PROBLEMS_SHOWN = 10;
var OTHER_PROBLEMS_BYTES = 256 * 1024;
var PARAM_SHOWN = 200;
var CELL_SHOWN = 150;
var LIST_ITEMS = 10;
var LIMITS = { max: PART_MAX_BYTES, fill: PART_FILL_BYTES, min: PART_MIN_BYTES };
function daysToMatch(requests, history) {
  const firstMatch = firstReached(history, ["matched"]);
  const days = [];
  for (const { number, record } of requests) {
    const matched = firstMatch.get(number);
    const value = matched === void 0 ? null : daysBetween(record.created, matched);
    if (value !== null) {
      days.push(value);
    }
  }
  return days;
}
function newest(records) {
  return records.map((r) => r.updated).reduce((a, b) => b > a ? b : a, "");
}
function newestRevision(snapshot) {
  return newest([...snapshot.requests, ...snapshot.coaches, ...snapshot.hubs]);
}
function buildStatisticsIndex(base, snapshot) {
  const requests = snapshot.requests.filter((r) => badlyEncoded([r.record, r.feedback]) === null);
  const coaches = snapshot.coaches.filter((c) => badlyEncoded(c.record) === null);
  const stats = buildStatistics(
    base,
    newestRevision(snapshot),
    requests.map((r) => ({ request: r.record, feedback: r.feedback })),
    coaches.map((c) => ({ profile: c.record })),
    daysToMatch(requests, snapshot.history)
  );
  const nfc2 = (counts) => {
    const out = {};
    for (const [key, value] of Object.entries(counts)) {
      const k = key.normalize("NFC");
      out[k] = (out[k] ?? 0) + value;
    }
    return out;
  };
  for (const group of [stats.requests, stats.coaches, stats.feedback]) {
    for (const [name, value] of Object.entries(group)) {
      if (typeof value === "object" && value !== null) {
        group[name] = nfc2(value);
      }
    }
  }
  stats.hubs = hubFigures(
    snapshot.hubs.map((h) => h.key.normalize("NFC")),
    requests.map((r) => ({ number: r.number, request: { ...r.record, hub: r.record.hub.normalize("NFC") }, feedback: r.feedback })),
    snapshot.history
  );
  stats.charts = buildCharts(figureRequests(requests).map((r) => ({ ...r, request: {
    ...r.request,
    hub: r.request.hub.normalize("NFC"),
    topics: r.request.topics.map((t) => t.normalize("NFC")),
    languages: r.request.languages.map((l) => l.normalize("NFC"))
  } })), snapshot.history);
  return stats;
}
function text(value, max = CELL_SHOWN) {
  const points = [...value];
  return encodeValue(points.length > max ? `${points.slice(0, max).join("")}\u2026` : value);
}
function userLink2(name) {
  if (name === "") {
    return "";
  }
  return isValidUsername(name) ? `[[User:${name}|${text(name)}]]` : text(name);
}
function items(values, show) {
  const shown = values.slice(0, LIST_ITEMS).map(show);
  return (values.length > LIST_ITEMS ? [...shown, "\u2026"] : shown).join(", ");
}
function label(values, labels, value, messages) {
  return isOneOf(values, value) ? messages.text(labels[value]) : text(value);
}
function tableRow(row) {
  return `|-
${`| ${row.map((cell) => cell === "" ? " " : cell).join(" || ")}`.replace(/\s+$/, "")}`;
}
function table2(headers, rows, sortable = true) {
  const lines = [`{| class="wikitable${sortable ? " sortable" : ""}"`, `! ${headers.join(" !! ")}`];
  for (const row of rows) {
    lines.push(tableRow(row));
  }
  lines.push("|}");
  return lines.join("\n");
}
function sayer(messages) {
  return (key, ...params) => messages.text(key, ...params);
}
function requestRow(entry, messages) {
  const { request } = entry;
  return [
    `[[:${entry.page}|R${entry.number}]]`,
    text(request.title),
    label(STATUSES, STATUS_MESSAGES, request.status, messages),
    label(REGIONS, REGION_MESSAGES, request.region, messages),
    text(request.hub),
    items(request.coach, userLink2),
    text(request.created.slice(0, 10)),
    entry.problems ? String(entry.problems) : ""
  ];
}
function coachRow(entry, messages) {
  const { profile } = entry;
  return [
    `[[:${entry.page}|${text(entry.user)}]]`,
    label(AVAILABILITIES, AVAILABILITY_MESSAGES, profile.availability, messages),
    items(profile.languages, (v) => text(v)),
    items(profile.topics, (v) => text(v)),
    items(profile.regions, (r) => label(REGIONS, REGION_MESSAGES, r, messages)),
    items(profile.formats, (f) => label(FORMATS, FORMAT_MESSAGES, f, messages)),
    String(entry.activeRequests),
    entry.problems ? String(entry.problems) : ""
  ];
}
function requestHeaders(m) {
  return [
    m("capacitybuilding-bot-publish-column-request"),
    m("capacitybuilding-request-field-title"),
    m("capacitybuilding-request-field-status"),
    m("capacitybuilding-request-field-region"),
    m("capacitybuilding-request-field-hub"),
    m("capacitybuilding-request-field-coach"),
    m("capacitybuilding-request-field-created"),
    m("capacitybuilding-bot-publish-column-problems")
  ];
}
function coachHeaders(m) {
  return [
    m("capacitybuilding-coach-field-user"),
    m("capacitybuilding-coach-field-availability"),
    m("capacitybuilding-coach-field-languages"),
    m("capacitybuilding-coach-field-topics"),
    m("capacitybuilding-coach-field-regions"),
    m("capacitybuilding-coach-field-formats"),
    m("capacitybuilding-bot-publish-column-active"),
    m("capacitybuilding-bot-publish-column-problems")
  ];
}
var PROBLEM_KIND_MESSAGES = {
  invalid: "capacitybuilding-bot-review-kind-invalid",
  malformed: "capacitybuilding-bot-review-kind-malformed",
  rejected: "capacitybuilding-bot-review-kind-rejected",
  misnamed: "capacitybuilding-bot-review-kind-misnamed",
  publish: "capacitybuilding-bot-review-kind-publish"
};
function publishProblem(p) {
  return { page: p.page, revid: p.revid, user: "", kind: "publish", message: p.message, params: p.params };
}
function problemRows(problems, messages, shown = PROBLEMS_SHOWN) {
  const m = sayer(messages);
  const rows = problems.slice(0, shown).map((p) => [
    `[[:${p.page}]]`,
    p.revid ? `[[Special:Diff/${p.revid}|${p.revid}]]` : "",
    userLink2(p.user),
    m(PROBLEM_KIND_MESSAGES[p.kind]),
    // Parameters come from pages people wrote: shown literally, never as markup.
    m(p.message, ...p.params.map((param) => typeof param === "number" ? param : text(param, PARAM_SHOWN)))
  ]);
  if (problems.length > shown) {
    const first = problems[0];
    rows.push([`[[:${first.page}]]`, "", "", "", m("capacitybuilding-bot-review-more", problems.length - shown)]);
  }
  return rows;
}
function reviewHeaders(m) {
  return [
    m("capacitybuilding-bot-review-column-page"),
    m("capacitybuilding-bot-review-column-revision"),
    m("capacitybuilding-bot-review-column-user"),
    m("capacitybuilding-bot-review-column-kind"),
    m("capacitybuilding-bot-review-column-problem")
  ];
}
function reviewPage(problems, messages) {
  const m = sayer(messages);
  const rows = groupByPage(problems).flatMap((group) => problemRows(group, messages));
  return [
    m("capacitybuilding-bot-review-intro", problems.length),
    "",
    rows.length ? table2(reviewHeaders(m), rows) : m("capacitybuilding-bot-review-none")
  ].join("\n");
}
function groupByPage(problems) {
  const groups2 = /* @__PURE__ */ new Map();
  for (const p of problems) {
    groups2.set(p.page, [...groups2.get(p.page) ?? [], p]);
  }
  return [...groups2.values()];
}
var INDEX_MESSAGES = {
  requests: "capacitybuilding-bot-publish-index-requests",
  coaches: "capacitybuilding-bot-publish-index-coaches",
  hubs: "capacitybuilding-bot-publish-index-hubs"
};
function partText(part) {
  const head = `{
	"version": ${part.version},
	"index": ${jsonString(part.index)},
	"id": ${part.id},
	"entries": `;
  if (!part.entries.length) {
    return `${head}[]
}`;
  }
  return `${head}[
${part.entries.map((entry) => ENTRY_INDENT + entryText(entry)).join(",\n")}
	]
}`;
}
function jsonPage(title, value) {
  return { title, contentModel: "json", text: mediaWikiJson(value), json: value };
}
function recordKey(base, page) {
  const number = requestNumber(base, page);
  if (number !== null) {
    return { index: "requests", key: number };
  }
  const user2 = coachUser(base, page);
  if (user2 !== null) {
    return { index: "coaches", key: user2 };
  }
  const hub = hubKey(base, page);
  return hub === null ? null : { index: "hubs", key: hub };
}
function manifestTitleOf(base, index) {
  const pages = sitePages(base);
  return index === "requests" ? pages.requestsJson : index === "coaches" ? pages.coachesJson : pages.hubsJson;
}
function planIndex(base, index, entries, problemsByKey, previous, messages) {
  const manifestTitle = manifestTitleOf(base, index);
  const rows = /* @__PURE__ */ new Map();
  const rowFor = (key) => {
    const id = String(key);
    let row = rows.get(id);
    if (!row) {
      row = { key, weight: 0, entry: null, listRow: null, reviewRows: [], problems: 0 };
      rows.set(id, row);
    }
    return row;
  };
  for (const entry of entries) {
    const row = rowFor(entryKey(index, entry));
    row.entry = entry;
    row.listRow = index === "requests" ? requestRow(entry, messages) : index === "coaches" ? coachRow(entry, messages) : null;
  }
  for (const [id, problems] of problemsByKey) {
    const found = recordKey(base, problems[0]?.page ?? "");
    if (found?.index === index && String(found.key) === id) {
      const row = rowFor(found.key);
      row.reviewRows = problemRows(problems, messages);
      row.problems = problems.length;
    }
  }
  const ordered = [...rows.values()].sort((a, b) => compareKeys(a.key, b.key));
  for (const row of ordered) {
    row.weight = Math.max(
      row.entry ? entryBytes(row.entry) : 0,
      row.listRow ? byteLength(tableRow(row.listRow)) + 1 : 0,
      row.reviewRows.reduce((sum, r) => sum + byteLength(tableRow(r)) + 1, 0)
    );
  }
  const previousParts = (previous?.parts ?? []).map((p) => ({ id: p.id, first: p.first }));
  const planned = partition(ordered, previousParts, LIMITS);
  const parts = planned.map((part) => {
    const partEntries = part.items.flatMap((row) => row.entry ? [row.entry] : []);
    const value = { version: INDEX_VERSION, index, id: part.id, entries: partEntries };
    return {
      id: part.id,
      page: { title: `${manifestTitle}/${part.id}`, contentModel: "json", text: partText(value), json: value },
      entries: partEntries,
      first: part.items[0].key,
      last: part.items[part.items.length - 1].key,
      listRows: part.items.flatMap((row) => row.listRow ? [row.listRow] : []),
      reviewRows: part.items.flatMap((row) => row.reviewRows),
      problems: part.items.reduce((sum, row) => sum + row.problems, 0)
    };
  });
  const used = new Set(parts.map((p) => p.id));
  const previousIds = (previous?.parts ?? []).map((p) => p.id);
  const generated = newest(entries);
  return {
    index,
    manifestTitle,
    parts,
    generated,
    retired: previousIds.filter((id) => !used.has(id)),
    known: [.../* @__PURE__ */ new Set([...previousIds, ...used])].sort((a, b) => a - b),
    manifest: (revids) => {
      const refs = parts.map((part) => {
        const ref = {
          id: part.id,
          page: part.page.title,
          revid: revids.get(part.page.title) ?? 0,
          first: part.first,
          last: part.last,
          count: part.entries.length,
          bytes: byteLength(part.page.text)
        };
        if (index === "requests") {
          const statuses = {};
          for (const entry of part.entries) {
            statuses[entry.request.status] = (statuses[entry.request.status] ?? 0) + 1;
          }
          ref.statuses = statuses;
        }
        return ref;
      });
      const value = {
        version: INDEX_VERSION,
        index,
        base,
        generated,
        count: entries.length,
        parts: refs
      };
      return jsonPage(manifestTitle, value);
    }
  };
}
function partName(index, id, messages) {
  return messages.text("capacitybuilding-bot-publish-part-name", messages.text(INDEX_MESSAGES[index]), id);
}
function keyText(index, key) {
  return index === "requests" ? `R${key}` : text(String(key));
}
function listPages(title, plan, intro2, headers, messages) {
  const m = sayer(messages);
  const rows = plan.parts.flatMap((part) => part.listRows);
  if (plan.parts.length <= 1) {
    return {
      pages: [{ title, contentModel: "wikitext", text: [intro2, "", rows.length ? table2(headers, rows) : m("capacitybuilding-bot-publish-none")].join("\n") }],
      subpages: /* @__PURE__ */ new Set()
    };
  }
  const pages = [];
  const toc = [];
  for (const part of plan.parts) {
    const sub = `${title}/${part.id}`;
    toc.push([
      `[[${sub}|${partName(plan.index, part.id, messages)}]]`,
      keyText(plan.index, part.first),
      keyText(plan.index, part.last),
      String(part.listRows.length)
    ]);
    pages.push({ title: sub, contentModel: "wikitext", text: [
      m("capacitybuilding-bot-publish-part-intro", title, part.id, part.listRows.length),
      "",
      part.listRows.length ? table2(headers, part.listRows) : m("capacitybuilding-bot-publish-none")
    ].join("\n") });
  }
  pages.unshift({ title, contentModel: "wikitext", text: [
    intro2,
    "",
    m("capacitybuilding-bot-publish-parts-intro", plan.parts.length),
    "",
    table2([
      m("capacitybuilding-bot-publish-column-part"),
      m("capacitybuilding-bot-publish-column-first"),
      m("capacitybuilding-bot-publish-column-last"),
      m("capacitybuilding-bot-publish-column-count")
    ], toc, false)
  ].join("\n") });
  return { pages, subpages: new Set(pages.slice(1).map((p) => p.title)) };
}
function planPublication(base, snapshot, previous, messages) {
  const m = sayer(messages);
  const pages = sitePages(base);
  const built = buildEntries(snapshot);
  const stored = snapshot.problems.map((p) => ({ ...p }));
  const buildProblems = built.problems.map(publishProblem);
  const byKey = {
    requests: /* @__PURE__ */ new Map(),
    coaches: /* @__PURE__ */ new Map(),
    hubs: /* @__PURE__ */ new Map()
  };
  const ordered = [...stored, ...buildProblems].sort((a, b) => compareKeys(a.page, b.page) || a.revid - b.revid);
  for (const p of ordered) {
    const found = recordKey(base, p.page);
    if (found) {
      const map = byKey[found.index];
      map.set(String(found.key), [...map.get(String(found.key)) ?? [], p]);
    }
  }
  const indexes = [
    planIndex(base, "requests", built.requests, byKey.requests, previous.requests, messages),
    planIndex(base, "coaches", built.coaches, byKey.coaches, previous.coaches, messages),
    planIndex(base, "hubs", built.hubs, byKey.hubs, previous.hubs, messages)
  ];
  const [requests, coaches] = indexes;
  const statistics = buildStatisticsIndex(base, snapshot);
  const requestList = listPages(
    pages.requestsIndex,
    requests,
    m("capacitybuilding-bot-publish-requests-intro", built.requests.length),
    requestHeaders(m),
    messages
  );
  const coachList = listPages(
    pages.coachesIndex,
    coaches,
    m("capacitybuilding-bot-publish-coaches-intro", built.coaches.length),
    coachHeaders(m),
    messages
  );
  const retired = [];
  const note = (title, main2) => ({
    title,
    contentModel: "wikitext",
    text: m("capacitybuilding-bot-publish-retired", main2)
  });
  for (const plan of indexes) {
    for (const id of plan.retired) {
      retired.push(jsonPage(`${plan.manifestTitle}/${id}`, { version: INDEX_VERSION, index: plan.index, id, entries: [] }));
    }
  }
  const lists = [
    [requests, requestList, pages.requestsIndex],
    [coaches, coachList, pages.coachesIndex]
  ];
  for (const [plan, list3, title] of lists) {
    for (const id of plan.known) {
      const sub = `${title}/${id}`;
      if (!list3.subpages.has(sub)) {
        retired.push(note(sub, title));
      }
    }
  }
  const reviewSub = (plan, id) => `${pages.review}/${m(INDEX_MESSAGES[plan.index])}/${id}`;
  const reviewTitles = [
    pages.review,
    ...indexes.flatMap((plan) => plan.known.map((id) => reviewSub(plan, id)))
  ];
  return {
    indexes,
    pages: [
      ...indexes.flatMap((plan) => plan.parts.map((part) => part.page)),
      jsonPage(pages.statisticsJson, statistics),
      ...requestList.pages,
      ...coachList.pages,
      { title: pages.statistics, contentModel: "wikitext", text: statisticsPage(statistics, messages) }
    ],
    retired,
    problems: built.problems,
    reviewTitles,
    review: (more) => {
      const extra = more.map(publishProblem);
      const others = [...stored, ...buildProblems, ...extra].filter((p) => !recordKey(base, p.page)).sort((a, b) => compareKeys(a.page, b.page) || a.revid - b.revid);
      const all = [...stored, ...buildProblems, ...extra];
      const single = reviewPage(all, messages);
      const unused = (keep) => reviewTitles.slice(1).filter((t) => !keep.has(t)).map((t) => note(t, pages.review));
      if (byteLength(single) <= PART_FILL_BYTES) {
        return { pages: [{ title: pages.review, contentModel: "wikitext", text: single }], unused: unused(/* @__PURE__ */ new Set()) };
      }
      const subpages = [];
      const toc = [];
      for (const plan of indexes) {
        for (const part of plan.parts) {
          if (!part.reviewRows.length) {
            continue;
          }
          const title = reviewSub(plan, part.id);
          const name = partName(plan.index, part.id, messages);
          toc.push([`[[${title}|${name}]]`, keyText(plan.index, part.first), keyText(plan.index, part.last), String(part.problems)]);
          subpages.push({ title, contentModel: "wikitext", text: [
            m("capacitybuilding-bot-review-part-intro", pages.review, name, part.problems),
            "",
            table2(reviewHeaders(m), part.reviewRows)
          ].join("\n") });
        }
      }
      const otherRows = groupByPage(others).flatMap((group) => problemRows(group, messages));
      const shownRows = [];
      let shownBytes = 0;
      for (const row of otherRows) {
        shownBytes += byteLength(tableRow(row)) + 1;
        if (shownBytes > OTHER_PROBLEMS_BYTES) {
          break;
        }
        shownRows.push(row);
      }
      if (otherRows.length > shownRows.length) {
        shownRows.push(["", "", "", "", m("capacitybuilding-bot-review-more", otherRows.length - shownRows.length)]);
      }
      const main2 = { title: pages.review, contentModel: "wikitext", text: [
        m("capacitybuilding-bot-review-intro", all.length),
        "",
        ...shownRows.length ? [table2(reviewHeaders(m), shownRows), ""] : [],
        m("capacitybuilding-bot-review-parts-intro", subpages.length),
        "",
        table2([
          m("capacitybuilding-bot-publish-column-part"),
          m("capacitybuilding-bot-publish-column-first"),
          m("capacitybuilding-bot-publish-column-last"),
          m("capacitybuilding-bot-publish-column-count")
        ], toc, false)
      ].join("\n") };
      return { pages: [main2, ...subpages], unused: unused(new Set(subpages.map((p) => p.title))) };
    }
  };
}

// bot/report/markers.ts
var import_node_crypto4 = require("node:crypto");
var START_TOKEN = "capacity-bot-figures-start";
var END_TOKEN = "capacity-bot-figures-end";
var END_MARKER = `<!-- ${END_TOKEN} -->`;
var START_MARKER = new RegExp(`^<!-- ${START_TOKEN}(?: ([0-9a-f]{16}))? -->`);
var RAW_TAGS = "nowiki|pre|syntaxhighlight|source|math|chem|ce|score|templatedata|timeline|graph|includeonly";
var OPENING = new RegExp(`<!--|<(${RAW_TAGS})(\\s[^>]*)?>`, "gi");
function blockChecksum(content) {
  return (0, import_node_crypto4.createHash)("sha1").update(content.normalize("NFC"), "utf8").digest("hex").slice(0, 16);
}
function figuresBlock(content) {
  return `<!-- ${START_TOKEN} ${blockChecksum(content)} -->
${content}
${END_MARKER}`;
}
function openComments(text2) {
  const starts = /* @__PURE__ */ new Set();
  let at = 0;
  for (; ; ) {
    OPENING.lastIndex = at;
    const found = OPENING.exec(text2);
    if (!found) {
      return starts;
    }
    const after = found.index + found[0].length;
    if (found[0] === "<!--") {
      starts.add(found.index);
      const close = text2.indexOf("-->", after);
      if (close < 0) {
        return starts;
      }
      at = close + 3;
    } else if (found[0].endsWith("/>")) {
      at = after;
    } else {
      const closing = new RegExp(`</${found[1]}\\s*>`, "gi");
      closing.lastIndex = after;
      const close = closing.exec(text2);
      at = close ? close.index + close[0].length : after;
    }
  }
}
function positions(text2, token) {
  const found = [];
  for (let at = text2.indexOf(token); at >= 0; at = text2.indexOf(token, at + 1)) {
    found.push(at);
  }
  return found;
}
function locate(text2) {
  const starts = positions(text2, START_TOKEN);
  const ends = positions(text2, END_TOKEN);
  if (starts.length > 1 || ends.length > 1) {
    return "duplicated";
  }
  if (starts.length === 0 || ends.length === 0) {
    return "missing";
  }
  if (starts[0] > ends[0]) {
    return "reordered";
  }
  const start = starts[0] - "<!-- ".length;
  const end = ends[0] - "<!-- ".length;
  const startMarker = start < 0 ? null : START_MARKER.exec(text2.slice(start));
  const open = openComments(text2);
  if (!startMarker || !text2.startsWith(END_MARKER, end) || !open.has(start) || !open.has(end)) {
    return "hidden";
  }
  const checksum = startMarker[1];
  const inner = text2.slice(start + startMarker[0].length, end);
  const content = inner.replace(/^\n/, "").replace(/\n$/, "");
  if (checksum !== void 0 && blockChecksum(content) !== checksum) {
    return "edited";
  }
  return { start, end: end + END_MARKER.length };
}
function mergeReport(existing, content, reflection) {
  if (existing === null) {
    return { text: `${figuresBlock(content)}

${reflection}`, problem: null };
  }
  const place = locate(existing);
  if (typeof place === "string") {
    return { text: null, problem: place };
  }
  const text2 = existing.slice(0, place.start) + figuresBlock(content) + existing.slice(place.end);
  return { text: text2, problem: null };
}

// bot/report/evaluations.ts
function peoplesText(value) {
  return value === "" ? "" : `<div style="white-space: pre-line;">${encodeValue(value)}</div>`;
}
function user(name) {
  return isValidUsername(name) ? `[[User:${name}|${encodeValue(name)}]]` : encodeValue(name);
}
function hubCell(hub, hubs, messages) {
  if (hub === "") {
    return messages.text("capacitybuilding-evaluation-programme");
  }
  const named2 = hubs.get(hub);
  return named2 ? `[[:${named2.page}|${encodeValue(named2.name)}]]` : encodeValue(hub);
}
function evaluationTable(entries, hubs, messages) {
  const say = (key) => messages.text(key);
  const sorted = [...entries].sort((a, b) => a.hub + "\0" + a.evaluator + "\0" + a.created < b.hub + "\0" + b.evaluator + "\0" + b.created ? -1 : 1);
  const headers = [
    say("capacitybuilding-bot-evaluation-column-hub"),
    say("capacitybuilding-bot-evaluation-column-evaluator"),
    say("capacitybuilding-evaluation-field-assessment"),
    say("capacitybuilding-evaluation-field-findings"),
    say("capacitybuilding-evaluation-field-recommendations"),
    say("capacitybuilding-bot-evaluation-column-created")
  ];
  return [
    '{| class="wikitable"',
    `! ${headers.join(" !! ")}`,
    ...sorted.map((e) => `|-
| ${[
      hubCell(e.hub, hubs, messages),
      user(e.evaluator),
      peoplesText(e.assessment),
      peoplesText(e.findings),
      peoplesText(e.recommendations),
      encodeValue(e.created)
    ].map((cell) => cell === "" ? " " : cell).join(" || ")}`.replace(/\s+$/, "")),
    "|}"
  ].join("\n");
}

// bot/report/page.ts
var DIMENSION_HEADINGS = {
  region: "capacitybuilding-bot-report-heading-by-region",
  language: "capacitybuilding-bot-report-heading-by-language",
  topic: "capacitybuilding-bot-report-heading-by-topic",
  hub: "capacitybuilding-bot-report-heading-by-hub"
};
function formats(language) {
  const make = (tag) => ({
    number: new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }),
    percent: new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 }),
    date: new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" })
  });
  try {
    return make(language);
  } catch {
    return make("en");
  }
}
var Cells = class {
  say;
  /** Fewer answers than this give no figure (the figures' own rule, said in the cells). */
  minAnswers;
  format;
  constructor(messages, minAnswers) {
    this.say = (key, ...params) => messages.text(key, ...params);
    this.format = formats(messages.language);
    this.minAnswers = minAnswers;
  }
  number(value) {
    return this.format.number.format(value);
  }
  percent(value) {
    return this.format.percent.format(value);
  }
  date(iso2) {
    return this.format.date.format(new Date(iso2));
  }
  none() {
    return this.say("capacitybuilding-bot-report-no-figure");
  }
  countRate(count3, rate) {
    return rate === null ? this.number(count3) : this.say("capacitybuilding-bot-report-count-share", this.number(count3), this.percent(rate));
  }
  median(value) {
    return value.median === null ? this.none() : this.say("capacitybuilding-bot-report-median", this.number(value.median), value.requests, this.number(value.requests));
  }
};
function tableText(headers, rows) {
  return [
    '{| class="wikitable sortable"',
    `! ${headers.join(" !! ")}`,
    ...rows.map((row) => `|-
| ${row.join(" || ")}`),
    "|}"
  ].join("\n");
}
function link(title, name) {
  return `[[:${title}|${encodeValue(name)}]]`;
}
function groupName(dimension, key, context, c) {
  if (dimension === "region" && isOneOf(REGIONS, key)) {
    return c.say(REGION_MESSAGES[key]);
  }
  const hub = dimension === "hub" ? context.hubs.get(key) : void 0;
  return hub ? link(hub.page, hub.name) : encodeValue(key);
}
var REQUEST_COLUMNS2 = [
  "capacitybuilding-bot-report-column-group",
  "capacitybuilding-bot-report-column-received",
  "capacitybuilding-bot-report-column-completed",
  "capacitybuilding-bot-report-column-declined",
  "capacitybuilding-bot-report-column-withdrawn",
  "capacitybuilding-bot-report-column-days-to-triage",
  "capacitybuilding-bot-report-column-days-to-match",
  "capacitybuilding-bot-report-column-days-to-complete"
];
var QUESTION_COLUMNS = {
  rating: { answers: "capacitybuilding-bot-report-column-rating-answers", average: "capacitybuilding-bot-report-column-rating-average" },
  outcome: { answers: "capacitybuilding-bot-report-column-outcome-answers" },
  confidenceBefore: {
    answers: "capacitybuilding-bot-report-column-confidence-before-answers",
    average: "capacitybuilding-bot-report-column-confidence-before-average"
  },
  confidenceAfter: {
    answers: "capacitybuilding-bot-report-column-confidence-after-answers",
    average: "capacitybuilding-bot-report-column-confidence-after-average"
  },
  used: { answers: "capacitybuilding-bot-report-column-used-answers" }
};
function requestHeaders2(c) {
  return REQUEST_COLUMNS2.map((key) => c.say(key));
}
function requestCells(figures, c) {
  return [
    c.number(figures.received),
    c.countRate(figures.completed, figures.completionRate),
    c.countRate(figures.declined, figures.declineRate),
    c.countRate(figures.withdrawn, figures.withdrawalRate),
    c.median(figures.daysToTriage),
    c.median(figures.daysToMatch),
    c.median(figures.daysToComplete)
  ];
}
function optionLabel2(question, option2, c) {
  if (question === "outcome" && isOneOf(FEEDBACK_OUTCOMES, option2)) {
    return c.say(FEEDBACK_OUTCOME_MESSAGES[option2]);
  }
  if (question === "used" && isOneOf(FEEDBACK_USED, option2)) {
    return c.say(FEEDBACK_USED_MESSAGES[option2]);
  }
  return encodeValue(option2);
}
function feedbackHeaders(c) {
  return [c.say("capacitybuilding-bot-report-column-group"), ...FEEDBACK_QUESTIONS.flatMap((q) => {
    const { answers, average } = QUESTION_COLUMNS[q.key];
    return [c.say(answers), ...q.numeric ? [average ? c.say(average) : c.none()] : q.options.map((o) => optionLabel2(q.key, o, c))];
  })];
}
function questionCells(figure, numeric, width, c) {
  if (figure.suppressed) {
    const hidden = c.say("capacitybuilding-bot-report-too-few-answers", c.number(c.minAnswers), c.minAnswers);
    return [width > 1 ? `colspan="${width}" | ${hidden}` : hidden];
  }
  const answers = c.number(figure.answers ?? 0);
  if (numeric) {
    return [answers, figure.average === null ? c.none() : c.number(figure.average)];
  }
  return [answers, ...figure.options.map((o) => o.range ? c.say(
    "capacitybuilding-bot-report-range",
    c.number(o.range.countLow),
    c.number(o.range.countHigh),
    c.percent(o.range.shareLow),
    c.percent(o.range.shareHigh)
  ) : c.countRate(o.count ?? 0, o.share))];
}
function feedbackCells(figures, c) {
  return FEEDBACK_QUESTIONS.flatMap((question, i) => {
    const figure = figures.feedback[i];
    return questionCells(figure, question.numeric, question.numeric ? 2 : question.options.length + 1, c);
  });
}
function section(figures, context, c, heading, headers, cells) {
  const dimensions = DIMENSIONS.filter((d) => d !== "hub" || context.hub === null);
  return [
    `== ${c.say(heading)} ==`,
    tableText(headers, [[c.say("capacitybuilding-bot-report-group-all"), ...cells(figures.all)]]),
    ...dimensions.flatMap((dimension) => {
      const groups2 = figures.by[dimension];
      const rows = groups2.map((g) => [groupName(dimension, g.key, context, c), ...cells(g.figures)]);
      return [
        "",
        `=== ${c.say(DIMENSION_HEADINGS[dimension])} ===`,
        rows.length ? tableText(headers, rows) : c.say("capacitybuilding-bot-report-no-groups")
      ];
    })
  ];
}
function intro(figures, context, c) {
  const { period } = figures;
  const [from, to] = [c.date(period.start ?? ""), c.date(new Date(Date.parse(period.end ?? "") - 1).toISOString())];
  const received = figures.all.requests.received;
  return context.hub ? c.say("capacitybuilding-bot-report-intro-hub", link(context.hub.page, context.hub.name), period.label, from, to, received, c.number(received)) : c.say("capacitybuilding-bot-report-intro-programme", period.label, from, to, received, c.number(received));
}
function hubReports(context, c) {
  if (context.hub !== null) {
    return [];
  }
  return ["", `== ${c.say("capacitybuilding-bot-report-heading-hub-reports")} ==`, context.hubReports.length ? context.hubReports.map((r) => `* ${link(r.title, r.name)}`).join("\n") : c.say("capacitybuilding-bot-report-no-hub-reports")];
}
function evaluationSection(context, c, messages) {
  const { evaluation } = context;
  if (!evaluation) {
    return [];
  }
  return ["", `== ${c.say("capacitybuilding-bot-report-heading-evaluation")} ==`, evaluation.entries.length ? evaluationTable(evaluation.entries, context.hubs, messages) : c.say("capacitybuilding-bot-report-no-evaluation", evaluation.page)];
}
function reportFigures(figures, context, messages) {
  const c = new Cells(messages, figures.rules.minAnswers);
  return [
    c.say("capacitybuilding-bot-report-notice"),
    "",
    intro(figures, context, c),
    "",
    ...section(
      figures,
      context,
      c,
      "capacitybuilding-bot-report-heading-requests",
      requestHeaders2(c),
      (g) => requestCells(g.requests, c)
    ),
    "",
    ...section(
      figures,
      context,
      c,
      "capacitybuilding-bot-report-heading-feedback",
      feedbackHeaders(c),
      (g) => feedbackCells(g, c)
    ),
    "",
    c.say("capacitybuilding-bot-report-feedback-rules", figures.rules.minAnswers, figures.rules.minOptionCount),
    ...hubReports(context, c),
    ...evaluationSection(context, c, messages)
  ].join("\n");
}
function reflectionStart(hub, messages) {
  return [
    `== ${messages.text("capacitybuilding-bot-report-heading-reflection")} ==`,
    messages.text(hub ? "capacitybuilding-bot-report-reflection-hub" : "capacitybuilding-bot-report-reflection-programme")
  ].join("\n");
}

// bot/publish/reports.ts
var QUARTER2 = /^\d{4}-Q[1-4]$/;
var PROBLEM_MESSAGES = {
  missing: "capacitybuilding-bot-report-problem-missing",
  duplicated: "capacitybuilding-bot-report-problem-duplicated",
  reordered: "capacitybuilding-bot-report-problem-reordered",
  hidden: "capacitybuilding-bot-report-problem-hidden",
  edited: "capacitybuilding-bot-report-problem-edited"
};
function parseQuarter(label2) {
  return QUARTER2.test(label2) ? parsePeriod(label2) : null;
}
function defaultQuarters(now) {
  const year = now.getUTCFullYear();
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const previous = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  return [`${year}-Q${quarter}`, previous].map((label2) => parseQuarter(label2));
}
function reportTitle(base, quarter, hub) {
  const period = `${normalizeTitle(base)}/Reports/${quarter}`;
  return hub === null ? period : `${period}/${hub}`;
}
function planReports(base, store, quarters, messages) {
  const requests = figureRequests(store.requests);
  const hubs = [...store.hubs].sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const named2 = new Map(hubs.map((h) => [h.key, {
    page: hubTitle(base, h.key),
    name: h.record.name || h.key
  }]));
  return quarters.flatMap((quarter) => {
    const page = evaluationTitle(base, quarter.label);
    const entries = (store.evaluations ?? []).filter((e) => e.period === quarter.label).flatMap((e) => e.entries);
    const evaluation = (hub) => ({
      page,
      entries: entries.filter((e) => e.period === quarter.label && e.hub === (hub ?? ""))
    });
    const report = (hub, context) => ({
      title: reportTitle(base, quarter.label, hub),
      content: reportFigures(computeFigures(requests, store.history, quarter, hub), {
        ...context,
        evaluation: evaluation(hub)
      }, messages),
      reflection: reflectionStart(hub !== null, messages)
    });
    const hubReports2 = hubs.map((h) => ({
      title: reportTitle(base, quarter.label, h.key),
      name: named2.get(h.key)?.name ?? h.key
    }));
    return [
      report(null, { hub: null, hubs: named2, hubReports: hubReports2 }),
      ...hubs.map((h) => report(h.key, { hub: named2.get(h.key) ?? null, hubs: named2, hubReports: [] }))
    ];
  });
}
function mergeReports(planned, current) {
  const pages = [];
  const problems = [];
  for (const report of planned) {
    const state = current.get(report.title);
    const merged = mergeReport(state?.exists ? state.text : null, report.content, report.reflection);
    if (merged.problem === null) {
      pages.push({
        title: report.title,
        contentModel: "wikitext",
        text: merged.text,
        summary: report.summary ?? "capacitybuilding-bot-summary-report"
      });
    } else {
      const message = PROBLEM_MESSAGES[merged.problem];
      problems.push({ page: report.title, revid: state?.revid ?? 0, message, params: [] });
    }
  }
  return { pages, problems };
}

// bot/publish/evaluation.ts
function dataTitle(base, fileName) {
  return `${sitePages(base).evaluationData}/${fileName}`;
}
function dataPage(base, file) {
  const title = dataTitle(base, file.name);
  if (file.name.endsWith(".json")) {
    const json = JSON.parse(file.text);
    return { title, contentModel: "json", text: mediaWikiJson(json), json, summary: "capacitybuilding-bot-evaluation-summary-data" };
  }
  return {
    title,
    contentModel: "text",
    text: file.text.replace(/\r\n?/g, "\n").replace(/\s+$/, ""),
    summary: "capacitybuilding-bot-evaluation-summary-data"
  };
}
function evaluationDataPages(base, sources, quarters, messages) {
  return quarters.flatMap((quarter) => {
    const { figures, generated } = figuresOf(sources.requests, sources.history, quarter, null);
    return exportFiles(figures, generated, messages).map((file) => dataPage(base, file));
  });
}
var COLUMNS = [
  "capacitybuilding-bot-evaluation-column-period",
  "capacitybuilding-bot-evaluation-column-requests",
  "capacitybuilding-bot-evaluation-column-feedback",
  "capacitybuilding-bot-evaluation-column-figures",
  "capacitybuilding-bot-evaluation-column-dictionary",
  "capacitybuilding-bot-evaluation-column-report"
];
function dataTable(base, quarters, messages) {
  const say = messages.text.bind(messages);
  const link2 = (name) => `[[:${dataTitle(base, name)}|${name}]]`;
  const rows = quarters.map((quarter) => {
    const names = exportNames({ period: quarter, hub: null });
    return `|-
| ${[
      quarter.label,
      link2(names.requests),
      link2(names.feedback),
      link2(names.figures),
      `${link2(names.dictionaryJson)}<br>${link2(names.dictionaryCsv)}`,
      `[[:${reportTitle(base, quarter.label, null)}|${quarter.label}]]`
    ].join(" || ")}`;
  });
  return [
    '{| class="wikitable sortable"',
    `! ${COLUMNS.map((key) => say(key)).join(" !! ")}`,
    ...rows,
    "|}"
  ].join("\n");
}
function entriesSection(base, sources, messages) {
  const byPeriod = /* @__PURE__ */ new Map();
  for (const page of sources.evaluations) {
    byPeriod.set(page.period, [...byPeriod.get(page.period) ?? [], ...page.entries]);
  }
  const periods = [...byPeriod].filter(([, entries]) => entries.length).map(([period]) => period).sort().reverse();
  if (!periods.length) {
    return [messages.text("capacitybuilding-bot-evaluation-no-entries")];
  }
  return periods.flatMap((period) => [
    `=== ${period} ===`,
    messages.text(
      "capacitybuilding-bot-evaluation-period-links",
      evaluationTitle(base, period),
      reportTitle(base, period, null)
    ),
    evaluationTable(byPeriod.get(period) ?? [], sources.hubs, messages),
    ""
  ]);
}
function planEvaluationPage(base, sources, quarters, messages) {
  const b = normalizeTitle(base);
  const shown = [...quarters].sort((x, y) => x.label < y.label ? 1 : -1);
  const example = shown[0]?.label ?? "2026-Q4";
  const content = [
    messages.text("capacitybuilding-bot-evaluation-notice"),
    "",
    messages.text("capacitybuilding-bot-evaluation-intro", evaluationTitle(b, example), `${b}/Reports`),
    "",
    `== ${messages.text("capacitybuilding-bot-evaluation-heading-data")} ==`,
    messages.text("capacitybuilding-bot-evaluation-data-intro", FIGURES_VERSION, example, MIN_ANSWERS, MIN_OPTION_COUNT),
    "",
    shown.length ? dataTable(b, shown, messages) : messages.text("capacitybuilding-bot-evaluation-no-data"),
    "",
    `== ${messages.text("capacitybuilding-bot-evaluation-heading-entries")} ==`,
    ...entriesSection(b, sources, messages)
  ].join("\n").replace(/\n+$/, "");
  return {
    title: sitePages(b).evaluation,
    content,
    reflection: messages.text("capacitybuilding-bot-evaluation-start"),
    summary: "capacitybuilding-bot-evaluation-summary-page"
  };
}

// bot/publish/learning.ts
function learningNotes(requests) {
  return [...requests].sort((a, b) => a.number - b.number).filter((r) => badlyEncoded([r.record, r.feedback]) === null).flatMap((request) => request.feedback.filter((entry) => entry.learned.trim() !== "").sort((a, b) => a.created < b.created ? -1 : a.created > b.created ? 1 : 0).map((entry) => ({ request, entry })));
}
function regionName(region, messages) {
  return isOneOf(REGIONS, region) ? messages.text(REGION_MESSAGES[region]) : encodeValue(region);
}
var COLUMNS2 = [
  "capacitybuilding-bot-learning-column-request",
  "capacitybuilding-bot-learning-column-note",
  "capacitybuilding-bot-learning-column-by",
  "capacitybuilding-bot-learning-column-region",
  "capacitybuilding-bot-learning-column-topics"
];
function noteTable(notes, messages) {
  const say = messages.text.bind(messages);
  const headers = COLUMNS2.map((key) => say(key));
  const rows = notes.map(({ request, entry }) => {
    const by = isValidUsername(entry.user) ? `[[User:${entry.user}|${encodeValue(entry.user)}]]` : encodeValue(entry.user);
    return `|-
| ${[
      `[[:${request.page}|R${request.number}]]`,
      peoplesText(entry.learned),
      by,
      regionName(request.record.region, messages),
      request.record.topics.map((t) => encodeValue(t)).join(", ")
    ].map((cell) => cell === "" ? " " : cell).join(" || ")}`;
  });
  return ['{| class="wikitable sortable"', `! ${headers.join(" !! ")}`, ...rows, "|}"].join("\n");
}
function grouped(notes, keys, heading, messages) {
  const groups2 = /* @__PURE__ */ new Map();
  for (const note of notes) {
    for (const key of new Set(keys(note))) {
      groups2.set(key, [...groups2.get(key) ?? [], note]);
    }
  }
  return [...groups2.keys()].sort().flatMap((key) => [`=== ${heading(key)} ===`, noteTable(groups2.get(key) ?? [], messages), ""]);
}
function learningPage(base, requests, messages) {
  const b = normalizeTitle(base);
  const notes = learningNotes(requests);
  const search = `{{fullurl:Special:Search|prefix=${encodeURIComponent(`${b}/Requests/`)}&fulltext=1}}`;
  const lines = [
    messages.text("capacitybuilding-bot-learning-intro"),
    "",
    messages.text("capacitybuilding-bot-learning-search", search),
    ""
  ];
  if (!notes.length) {
    lines.push(messages.text("capacitybuilding-bot-learning-none"));
  } else {
    lines.push(
      `== ${messages.text("capacitybuilding-bot-learning-heading-topic")} ==`,
      ...grouped(notes, (n) => n.request.record.topics, (key) => encodeValue(key), messages),
      `== ${messages.text("capacitybuilding-bot-learning-heading-region")} ==`,
      ...grouped(
        notes,
        (n) => [n.request.record.region],
        (key) => regionName(key, messages),
        messages
      )
    );
  }
  return {
    title: sitePages(b).learning,
    contentModel: "wikitext",
    text: lines.join("\n").replace(/\n+$/, ""),
    summary: "capacitybuilding-bot-learning-summary"
  };
}

// bot/publish/publish.ts
var PAGE_LIMIT_BYTES = 1024 * 1024;
function sameJson(text2, value) {
  try {
    return JSON.stringify(JSON.parse(text2)) === JSON.stringify(JSON.parse(JSON.stringify(value)));
  } catch {
    return false;
  }
}
function jsonOf(state) {
  try {
    return state?.exists ? JSON.parse(state.text) : void 0;
  } catch {
    return void 0;
  }
}
async function runPublish(options) {
  const { client, store, editor, messages } = options;
  const base = normalizeTitle(options.base);
  const site = sitePages(base);
  const [requests, coaches, hubs, problems, history, evaluations] = await Promise.all([
    store.requests(),
    store.coaches(),
    store.hubs(),
    store.problems(),
    store.statusHistory(),
    store.evaluations()
  ]);
  const manifestTitles = {
    requests: site.requestsJson,
    coaches: site.coachesJson,
    hubs: site.hubsJson
  };
  const known = await readPages(client, Object.values(manifestTitles));
  const previous = Object.fromEntries(INDEX_NAMES.map((index) => [
    index,
    readManifest(jsonOf(known.get(manifestTitles[index])), index)
  ]));
  const plan = planPublication(base, { requests, coaches, hubs, problems, history }, previous, messages);
  const quarters = options.reportQuarters ?? [];
  const reports = planReports(base, { requests, history, hubs, evaluations }, quarters, messages);
  const hubNames = new Map(hubs.map((h) => [h.key, {
    page: hubTitle(base, h.key),
    name: h.record.name || h.key
  }]));
  const evaluationSources = { requests, history, evaluations, hubs: hubNames };
  const dataPages = evaluationDataPages(base, evaluationSources, quarters, messages);
  const evaluationPages = quarters.length ? [planEvaluationPage(base, evaluationSources, quarters, messages)] : [];
  const learning = learningPage(base, requests, messages);
  const report = {
    outcomes: {},
    edits: 0,
    editRequests: 0,
    problems: [...plan.problems],
    sizes: {}
  };
  const requestsBefore = editor.requests;
  const revids = /* @__PURE__ */ new Map();
  const titles = [...plan.pages, ...plan.retired, ...reports, ...dataPages, ...evaluationPages, learning].map((p) => p.title).concat(plan.reviewTitles);
  const info = await readPageInfo(client, [...new Set(titles)]);
  for (const [title, state] of known) {
    info.set(title, state);
  }
  const unchanged = (page, state) => Boolean(state?.exists && state.contentModel === page.contentModel && state.sha1 !== "" && state.sha1 === textSha1(storableText(page.text)));
  const put = async (pages, onlyIfExists = false) => {
    const due = pages.filter((page) => {
      const state = info.get(page.title);
      if (onlyIfExists && !state?.exists) {
        return false;
      }
      report.sizes[page.title] = byteLength(page.text);
      if (unchanged(page, state)) {
        report.outcomes[page.title] = "unchanged";
        revids.set(page.title, state?.revid ?? 0);
        return false;
      }
      return true;
    });
    const missingContent = due.filter((page) => info.get(page.title)?.exists && !known.has(page.title)).map((page) => page.title);
    for (const [title, state] of missingContent.length ? await readPages(client, missingContent) : []) {
      known.set(title, state);
    }
    for (const page of due) {
      const bytes = byteLength(page.text);
      if (bytes > PAGE_LIMIT_BYTES) {
        report.outcomes[page.title] = "skipped";
        report.problems.push({ page: page.title, revid: 0, message: "capacitybuilding-bot-publish-problem-page-too-big", params: [bytes, PAGE_LIMIT_BYTES] });
        continue;
      }
      const state = known.get(page.title);
      const existing = state?.exists ? state : null;
      if (existing && page.json !== void 0 && existing.contentModel === "json" && sameJson(existing.text, page.json)) {
        report.outcomes[page.title] = "unchanged";
        revids.set(page.title, existing.revid);
        continue;
      }
      const result = await editor.write({
        title: page.title,
        text: page.text,
        contentModel: page.contentModel,
        base: existing,
        summary: messages.text(page.summary ?? "capacitybuilding-bot-summary-publish")
      });
      report.outcomes[page.title] = result.outcome;
      if (result.outcome === "created" || result.outcome === "edited") {
        report.edits++;
      }
      if (result.outcome === "skipped") {
        const reason = editor.skipped.filter((s) => s.title === page.title).at(-1)?.reason ?? "";
        report.problems.push({ page: page.title, revid: 0, message: "capacitybuilding-bot-publish-problem-not-saved", params: [reason] });
      } else if (result.outcome === "created" || result.outcome === "edited" || result.outcome === "unchanged") {
        revids.set(page.title, result.revid);
      }
    }
  };
  const putReports = async (planned) => {
    const existing = planned.map((r) => r.title).filter((title) => info.get(title)?.exists && !known.has(title));
    for (const [title, state] of existing.length ? await readPages(client, existing) : []) {
      known.set(title, state);
    }
    const current = new Map(planned.map((r) => [r.title, known.get(r.title) ?? info.get(r.title)]).filter((entry) => entry[1] !== void 0));
    const merged = mergeReports(planned, current);
    for (const problem2 of merged.problems) {
      report.outcomes[problem2.page] = "skipped";
      report.problems.push(problem2);
    }
    await put(merged.pages);
  };
  await put(plan.pages);
  await put(plan.retired, true);
  for (const index of plan.indexes) {
    const notSaved = index.parts.filter((part) => !revids.has(part.page.title)).length;
    if (notSaved && !editor.dryRun) {
      report.outcomes[index.manifestTitle] = "skipped";
      report.problems.push({ page: index.manifestTitle, revid: 0, message: "capacitybuilding-bot-publish-problem-manifest-kept", params: [notSaved] });
      continue;
    }
    await put([index.manifest(revids)]);
  }
  await putReports(reports);
  await put(dataPages);
  await putReports(evaluationPages);
  await put([learning]);
  const review = plan.review(report.problems.filter((p) => !plan.problems.includes(p)));
  await put(review.pages);
  await put(review.unused, true);
  report.editRequests = editor.requests - requestsBefore;
  if (options.logger && options.console) {
    for (const p of report.problems) {
      options.logger.warn(
        options.console.text("capacitybuilding-bot-log-publish-problem", p.page, options.console.text(p.message, ...p.params)),
        { title: p.page, revid: p.revid, message: p.message }
      );
    }
  }
  return report;
}

// bot/commands/publish.ts
async function publishOnce(ctx, reportQuarters) {
  const client = await ctx.wiki();
  const store = await ctx.store();
  try {
    const editor = await ctx.editor();
    const report = await runPublish({
      client,
      store,
      editor,
      messages: await ctx.contentMessages(),
      base: ctx.base,
      console: ctx.messages,
      logger: ctx.logger,
      reportQuarters: reportQuarters ?? defaultQuarters(/* @__PURE__ */ new Date())
    });
    const outcomes = Object.values(report.outcomes);
    const count3 = (...kinds) => outcomes.filter((o) => kinds.includes(o)).length;
    if (ctx.options.dryRun) {
      ctx.logger.info(
        ctx.messages.text("capacitybuilding-bot-log-publish-dry-run", count3("would-create", "would-edit")),
        { outcomes: report.outcomes, edits: 0, editRequests: 0 }
      );
    } else {
      ctx.logger.info(
        ctx.messages.text("capacitybuilding-bot-log-publish-done", report.edits, count3("unchanged"), count3("skipped")),
        { outcomes: report.outcomes, edits: report.edits, editRequests: report.editRequests }
      );
    }
    if (report.problems.length) {
      ctx.logger.warn(
        ctx.messages.text("capacitybuilding-bot-log-publish-problems", report.problems.length, sitePages(ctx.base).review),
        { problems: report.problems.length }
      );
    }
    return count3("skipped") || report.problems.length ? EXIT.problems : EXIT.ok;
  } finally {
    await store.close();
  }
}
function reportQuartersOption(value, invalid) {
  if (value.trim() === "none") {
    return [];
  }
  const quarters = value.split(",").map((label2) => parseQuarter(label2.trim()));
  if (!quarters.length || quarters.includes(null)) {
    throw new import_commander4.InvalidArgumentError(invalid);
  }
  return [...new Map(quarters.map((q) => [q.label, q])).values()];
}
function publishCommand(kit) {
  const t = kit.t.bind(kit);
  kit.command("publish", "capacitybuilding-bot-help-command-publish", "capacitybuilding-bot-help-publish-after").option(
    "--report-quarters <quarters>",
    t("capacitybuilding-bot-help-option-report-quarters"),
    (value) => reportQuartersOption(value, t("capacitybuilding-bot-help-report-quarters-invalid"))
  ).action(async (options, command) => {
    kit.run.code = await publishOnce(kit.context(command), options.reportQuarters);
  });
}

// bot/commands/setup.ts
function setupCommand(kit) {
  kit.command("setup", "capacitybuilding-bot-help-command-setup", null).option("--force", kit.t("capacitybuilding-bot-help-option-force")).action(async (options, command) => {
    const ctx = kit.context(command);
    const client = await ctx.wiki();
    const report = await runSetup({
      client,
      editor: await ctx.editor(),
      logger: ctx.logger,
      messages: await ctx.contentMessages(),
      console: ctx.messages,
      messageFiles: loadMessageFiles(),
      base: ctx.base,
      version: VERSION,
      force: Boolean(options.force)
    });
    const counts = [
      report.created.length,
      report.updated.length,
      report.unchanged.length,
      report.skipped.length
    ];
    ctx.logger.info(ctx.messages.text(ctx.options.dryRun ? "capacitybuilding-bot-log-setup-dry-run" : "capacitybuilding-bot-log-setup-done", ...counts), {
      created: report.created,
      updated: report.updated,
      skipped: report.skipped,
      edits: ctx.options.dryRun ? 0 : report.created.length + report.updated.length
    });
    kit.run.code = report.skipped.length ? EXIT.problems : EXIT.ok;
  });
}

// bot/commands/status.ts
async function listNotices(ctx, ledger) {
  const m = ctx.messages;
  const counts = await ledger.counts();
  ctx.logger.info(m.text(
    "capacitybuilding-bot-log-status-notices",
    counts.pending,
    counts.posting,
    counts.sent,
    counts.skipped,
    counts.failed
  ), { notices: counts });
  const states = ["pending", "posting", "failed", "skipped", "sent"];
  for (const state of states) {
    for (const n of await ledger.list(state, state === "sent" ? 100 : 1e4)) {
      const why = n.detail.key ? m.text(n.detail.key, ...n.detail.params ?? []) : "";
      ctx.logger.info(
        m.text("capacitybuilding-bot-log-status-notice", state, n.key, n.target, why || n.updated),
        {
          notice: n.key,
          state,
          kind: n.kind,
          request: n.request,
          channel: n.channel,
          target: n.target,
          recipients: n.recipients,
          language: n.language,
          attempts: n.attempts,
          revid: n.revid,
          reason: n.detail.key ?? null,
          detail: why,
          updated: n.updated
        }
      );
    }
  }
}
function statusCommand(kit) {
  kit.command("status", "capacitybuilding-bot-help-command-status", "capacitybuilding-bot-help-status-after").action(async (_options, command) => {
    const ctx = kit.context(command);
    const m = ctx.messages;
    const store = await ctx.store();
    try {
      const counts = await store.counts();
      const never = m.text("capacitybuilding-bot-log-status-never");
      const lastSync = await store.state("last-sync");
      const lastFull = await store.state("last-full-sync");
      const cursor = await store.cursor();
      ctx.logger.info(m.text("capacitybuilding-bot-log-status-store", store.target.display), { store: store.target.display });
      ctx.logger.info(m.text(
        "capacitybuilding-bot-log-status-counts",
        counts.requests ?? 0,
        counts.coaches ?? 0,
        counts.hubs ?? 0,
        counts.statusHistory ?? 0,
        counts.problems ?? 0
      ), { counts });
      ctx.logger.info(m.text("capacitybuilding-bot-log-status-last-sync", lastSync ?? never, lastFull ?? never), { lastSync, lastFullSync: lastFull, cursor });
      for (const p of await store.problems()) {
        ctx.logger.info(m.text(
          "capacitybuilding-bot-log-status-problem",
          p.page,
          p.revid,
          p.user,
          m.text(p.message, ...p.params)
        ), {
          page: p.page,
          revid: p.revid,
          kind: p.kind,
          message: p.message
        });
      }
      await listNotices(ctx, new Ledger(store));
      kit.run.code = counts.problems ? EXIT.problems : EXIT.ok;
    } finally {
      await store.close();
    }
  });
}

// modules/core/permissions.ts
var ALLOWED = {
  create: ["requester", "admin"],
  edit: ["requester", "hub-contact", "admin"],
  "edit-identity": ["admin"],
  triage: ["hub-contact", "admin"],
  decline: ["hub-contact", "admin"],
  offer: ["coach"],
  "retract-offer": ["anyone"],
  "remove-offer": ["admin"],
  accept: ["requester", "hub-contact", "admin"],
  reassign: ["hub-contact", "admin"],
  start: ["requester", "assigned-coach", "hub-contact", "admin"],
  complete: ["requester", "assigned-coach", "hub-contact", "admin"],
  withdraw: ["requester", "admin"],
  hold: ["requester", "assigned-coach", "hub-contact", "admin"],
  reopen: ["requester", "assigned-coach", "hub-contact", "admin"],
  "reopen-closed": ["admin"]
};
var DENIED_MESSAGES = {
  create: "capacitybuilding-permission-denied-create",
  edit: "capacitybuilding-permission-denied-edit",
  "edit-identity": "capacitybuilding-permission-denied-edit-identity",
  triage: "capacitybuilding-permission-denied-triage",
  decline: "capacitybuilding-permission-denied-decline",
  offer: "capacitybuilding-permission-denied-offer",
  "retract-offer": "capacitybuilding-permission-denied-retract-offer",
  "remove-offer": "capacitybuilding-permission-denied-remove-offer",
  accept: "capacitybuilding-permission-denied-accept",
  reassign: "capacitybuilding-permission-denied-reassign",
  start: "capacitybuilding-permission-denied-start",
  complete: "capacitybuilding-permission-denied-complete",
  withdraw: "capacitybuilding-permission-denied-withdraw",
  hold: "capacitybuilding-permission-denied-hold",
  reopen: "capacitybuilding-permission-denied-reopen",
  "reopen-closed": "capacitybuilding-permission-denied-reopen-closed"
};
var CONTENT_FIELDS = [
  "title",
  "requesterType",
  "organisation",
  "region",
  "topics",
  "formats",
  "languages",
  "lang",
  "neededBy",
  "description"
];
function isFinal(status) {
  return FINAL_STATUSES.includes(status);
}
function includesUser(list3, user2) {
  return list3.some((name) => sameUser(name, user2));
}
function isAdmin(user2, context) {
  return includesUser(context.config.admins, user2) || includesUser(context.config.bots, user2);
}
function isHubContact(user2, hubKey2, context) {
  if (hubKey2 === "") {
    return [...context.hubs.values()].some((hub) => includesUser(hub.contacts, user2));
  }
  return includesUser(context.hubs.get(hubKey2)?.contacts ?? [], user2);
}
function rolesFor(request, user2, context) {
  const roles = /* @__PURE__ */ new Set(["anyone"]);
  if (sameUser(request.requester, user2)) {
    roles.add("requester");
  }
  if (includesUser(request.coach, user2)) {
    roles.add("assigned-coach");
  }
  if ([...context.coaches].some((coach) => sameUser(coach, user2))) {
    roles.add("coach");
  }
  if (isHubContact(user2, request.hub, context)) {
    roles.add("hub-contact");
  }
  if (isAdmin(user2, context)) {
    roles.add("admin");
  }
  return roles;
}
function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function normalizedSet(names) {
  return new Set(names.map(normalizeUsername));
}
function statusMove(from, to, after) {
  if (!isOneOf(STATUSES, to)) {
    return null;
  }
  if (isFinal(from)) {
    return "reopen-closed";
  }
  const target = to;
  switch (target) {
    case "declined":
      return "decline";
    case "withdrawn":
      return "withdraw";
    case "on-hold":
      return "hold";
    default:
  }
  if (from === "on-hold") {
    return target === "completed" ? null : "reopen";
  }
  if (from === "open" && target === "triaged") {
    return after.hub === "" ? null : "triage";
  }
  if ((from === "open" || from === "triaged") && target === "matched") {
    return "accept";
  }
  if (from === "matched" && target === "in-progress") {
    return "start";
  }
  if (from === "in-progress" && target === "completed") {
    return "complete";
  }
  return null;
}
function movesOf(before, after, author) {
  const checks = [];
  if (before.status !== after.status) {
    const move = statusMove(before.status, after.status, after);
    if (move === null) {
      return problem("status", "capacitybuilding-permission-invalid-transition", before.status, after.status);
    }
    checks.push({ move });
    if (move === "accept") {
      const offered = normalizedSet(before.offers);
      const stranger = after.coach.find((coach) => !offered.has(normalizeUsername(coach)));
      if (stranger !== void 0) {
        checks.push({ move, denied: problem("coach", "capacitybuilding-permission-accept-without-offer", stranger) });
      } else if (after.coach.length === 0) {
        checks.push({ move, denied: problem("coach", "capacitybuilding-validation-coach-required") });
      }
    }
  }
  if ((before.holdReason ?? "") !== (after.holdReason ?? "") && !checks.some((c) => c.move === "hold" || c.move === "reopen")) {
    checks.push({ move: "hold" });
  }
  if (before.hub !== after.hub && !checks.some((c) => c.move === "triage")) {
    checks.push({ move: "triage" });
  }
  if (!same([...normalizedSet(before.coach)].sort(), [...normalizedSet(after.coach)].sort()) && !checks.some((c) => c.move === "accept")) {
    checks.push({ move: "reassign" });
  }
  const beforeOffers = normalizedSet(before.offers);
  const afterOffers = normalizedSet(after.offers);
  for (const name of afterOffers) {
    if (!beforeOffers.has(name)) {
      checks.push(sameUser(name, author) ? { move: "offer" } : { move: "offer", denied: problem("offers", "capacitybuilding-permission-offer-for-other", name) });
      if (before.status !== "open" && before.status !== "triaged") {
        checks.push({ move: "offer", denied: problem("offers", "capacitybuilding-permission-offer-closed") });
      }
    }
  }
  for (const name of beforeOffers) {
    if (!afterOffers.has(name)) {
      checks.push({ move: sameUser(name, author) ? "retract-offer" : "remove-offer" });
    }
  }
  if (CONTENT_FIELDS.some((field) => !same(before[field], after[field]))) {
    checks.push({ move: "edit" });
  }
  if (!sameUser(before.requester, after.requester) || before.created !== after.created) {
    checks.push({ move: "edit-identity" });
  }
  return checks;
}
function denial(moves, reason) {
  return { allowed: false, moves, reason };
}
function checkRequestChange(before, after, author, context) {
  if (before === null) {
    const admin = isAdmin(author, context);
    if (!admin && !sameUser(after.requester, author)) {
      return denial(["create"], problem("requester", "capacitybuilding-permission-create-for-other"));
    }
    if (after.status !== "open" && !admin) {
      return denial(["create"], problem("status", "capacitybuilding-permission-create-not-open"));
    }
    if ((after.coach.length > 0 || after.offers.length > 0) && !admin) {
      return denial(["create"], problem("coach", "capacitybuilding-permission-create-with-coach"));
    }
    return { allowed: true, moves: ["create"] };
  }
  const checks = movesOf(before, after, author);
  if (!Array.isArray(checks)) {
    return denial([], checks);
  }
  const moves = [...new Set(checks.map((c) => c.move))];
  const roles = rolesFor(before, author, context);
  for (const check of checks) {
    if (check.denied && !roles.has("admin")) {
      return denial(moves, check.denied);
    }
    if (!ALLOWED[check.move].some((role) => roles.has(role))) {
      return denial(moves, problem(null, DENIED_MESSAGES[check.move]));
    }
    if (check.move === "reopen-closed" && !context.config.statusPolicy.adminsMayReopenClosed) {
      return denial(moves, problem("status", "capacitybuilding-permission-denied-reopen-closed"));
    }
  }
  return { allowed: true, moves };
}
function checkCoachChange(pageUser, before, after, author, context) {
  const moves = [before === null ? "create" : "edit"];
  if (!sameUser(after.user, pageUser)) {
    return denial(moves, problem("user", "capacitybuilding-permission-coach-user-mismatch", after.user, pageUser));
  }
  if (!sameUser(pageUser, author) && !isAdmin(author, context)) {
    return denial(moves, problem(null, "capacitybuilding-permission-coach-not-owner", pageUser));
  }
  return { allowed: true, moves };
}
function checkHubChange(before, after, author, context) {
  const admin = isAdmin(author, context);
  if (before !== null) {
    return admin || includesUser(before.contacts, author) ? { allowed: true, moves: ["edit"] } : denial(["edit"], problem(null, "capacitybuilding-permission-hub-edit"));
  }
  if (admin) {
    return { allowed: true, moves: ["create"] };
  }
  if (!isHubContact(author, "", context)) {
    return denial(["create"], problem(null, "capacitybuilding-permission-hub-create"));
  }
  if (!includesUser(after.contacts, author)) {
    return denial(["create"], problem("contacts", "capacitybuilding-permission-hub-create-not-contact"));
  }
  return { allowed: true, moves: ["create"] };
}
function feedbackKey(entry) {
  return `${normalizeUsername(entry.user)}\0${entry.created}`;
}
function holdsFeedbackRole(request, user2, role, context) {
  switch (role) {
    case "requester":
      return sameUser(request.requester, user2);
    case "coach":
      return includesUser(request.coach, user2);
    case "hub-contact":
      return request.hub !== "" && isHubContact(user2, request.hub, context);
    default:
      return false;
  }
}
function entryProblem(request, entry, context) {
  if (request.status !== "completed") {
    return problem(null, "capacitybuilding-permission-feedback-not-completed");
  }
  if (!holdsFeedbackRole(request, entry.user, entry.role, context)) {
    return problem("role", "capacitybuilding-permission-feedback-role", entry.user);
  }
  if (entry.stage === "follow-up" && entry.role !== "requester") {
    return problem("stage", "capacitybuilding-permission-feedback-follow-up-requester");
  }
  return null;
}
function checkFeedbackChange(request, before, after, author, context) {
  const admin = isAdmin(author, context);
  const previous = new Map(before.map((entry) => [feedbackKey(entry), entry]));
  const current = new Map(after.map((entry) => [feedbackKey(entry), entry]));
  for (const [key, entry] of current) {
    const old = previous.get(key);
    if (old !== void 0 && same(old, entry)) {
      continue;
    }
    if (!sameUser(entry.user, author) && !(admin && old !== void 0)) {
      return denial(["edit"], problem(null, "capacitybuilding-permission-feedback-other", entry.user));
    }
    const reason = entryProblem(request, entry, context);
    if (reason !== null) {
      return denial(["edit"], reason);
    }
  }
  for (const [key, entry] of previous) {
    if (!current.has(key) && !sameUser(entry.user, author) && !admin) {
      return denial(["edit"], problem(null, "capacitybuilding-permission-feedback-other", entry.user));
    }
  }
  return { allowed: true, moves: ["edit"] };
}
function evaluationKey(entry) {
  return `${normalizeUsername(entry.evaluator)}\0${entry.created}`;
}
function checkEvaluationChange(period, before, after, author, context) {
  const previous = new Map(before.map((entry) => [evaluationKey(entry), entry]));
  const current = new Map(after.map((entry) => [evaluationKey(entry), entry]));
  for (const [key, entry] of current) {
    const old = previous.get(key);
    if (old !== void 0 && same(old, entry)) {
      continue;
    }
    if (!sameUser(entry.evaluator, author)) {
      return denial(["edit"], problem(null, "capacitybuilding-permission-evaluation-other", entry.evaluator));
    }
    if (!includesUser(context.config.evaluators ?? [], author)) {
      return denial(["edit"], problem(null, "capacitybuilding-permission-evaluation-not-evaluator"));
    }
    if (entry.period !== period) {
      return denial(["edit"], problem("period", "capacitybuilding-permission-evaluation-period", entry.period, period));
    }
  }
  for (const [key, entry] of previous) {
    if (!current.has(key) && !sameUser(entry.evaluator, author) && !isAdmin(author, context)) {
      return denial(["edit"], problem(null, "capacitybuilding-permission-evaluation-other", entry.evaluator));
    }
  }
  return { allowed: true, moves: ["edit"] };
}

// modules/core/validation.ts
function length(text2) {
  return [...text2].length;
}
function checkItem(field, item, context) {
  switch (field.kind) {
    case "enumList":
      return field.values?.includes(item) ? null : problem(field.key, "capacitybuilding-validation-invalid-choice", item);
    case "topicList":
      if (!isKey(item)) {
        return problem(field.key, "capacitybuilding-validation-invalid-key", item);
      }
      return context.topics && !context.topics.has(item) ? problem(field.key, "capacitybuilding-validation-unknown-topic", item) : null;
    case "languageList":
      if (!isLanguageCode(item)) {
        return problem(field.key, "capacitybuilding-validation-invalid-language", item);
      }
      return item !== ANY_LANGUAGE && context.languages && !context.languages.has(item) ? problem(field.key, "capacitybuilding-validation-unknown-language", item) : null;
    case "userList":
      return isValidUsername(item) ? null : problem(field.key, "capacitybuilding-validation-invalid-username", item);
    case "hubList":
      if (!isHubKey(item)) {
        return problem(field.key, "capacitybuilding-validation-invalid-hub", item);
      }
      return context.hubs && !context.hubs.has(item) ? problem(field.key, "capacitybuilding-validation-unknown-hub", item) : null;
    default:
      return null;
  }
}
function checkList(field, items2, context) {
  const problems = [];
  if (field.min !== void 0 && items2.length > 0 && items2.length < field.min) {
    problems.push(problem(field.key, "capacitybuilding-validation-too-few", field.min));
  }
  if (field.max !== void 0 && items2.length > field.max) {
    problems.push(problem(field.key, "capacitybuilding-validation-too-many", field.max));
  }
  const seen = /* @__PURE__ */ new Set();
  for (const item of items2) {
    const key = field.kind === "userList" ? normalizeUsername(item) : item;
    if (seen.has(key)) {
      problems.push(problem(field.key, "capacitybuilding-validation-duplicate", item));
      continue;
    }
    seen.add(key);
    const itemProblem = checkItem(field, item, context);
    if (itemProblem) {
      problems.push(itemProblem);
    }
  }
  return problems;
}
function checkScalar(field, value, context) {
  switch (field.kind) {
    case "text":
    case "multiline": {
      const problems = [];
      if (field.kind === "text" && /[\n\r]/.test(value)) {
        problems.push(problem(field.key, "capacitybuilding-validation-single-line"));
      }
      if (field.min !== void 0 && length(value.trim()) < field.min) {
        problems.push(problem(field.key, "capacitybuilding-validation-too-short", field.min));
      }
      if (field.max !== void 0 && length(value) > field.max) {
        problems.push(problem(field.key, "capacitybuilding-validation-too-long", field.max));
      }
      return problems;
    }
    case "enum":
      return field.values?.includes(value) ? [] : [problem(field.key, "capacitybuilding-validation-invalid-choice", value)];
    case "user":
      return isValidUsername(value) ? [] : [problem(field.key, "capacitybuilding-validation-invalid-username", value)];
    case "language":
      if (!isLanguageCode(value)) {
        return [problem(field.key, "capacitybuilding-validation-invalid-language", value)];
      }
      return value !== "qqx" && context.languages && !context.languages.has(value) ? [problem(field.key, "capacitybuilding-validation-unknown-language", value)] : [];
    case "date":
      return isIsoDate(value) ? [] : [problem(field.key, "capacitybuilding-validation-invalid-date", value)];
    case "timestamp":
      return isIsoTimestamp(value) ? [] : [problem(field.key, "capacitybuilding-validation-invalid-timestamp", value)];
    case "integer": {
      if (!/^\d{1,9}$/.test(value)) {
        return [problem(field.key, "capacitybuilding-validation-invalid-integer", value)];
      }
      const n = Number(value);
      return field.min !== void 0 && n < field.min || field.max !== void 0 && n > field.max ? [problem(field.key, "capacitybuilding-validation-out-of-range", field.min ?? 0, field.max ?? n)] : [];
    }
    case "hub":
      if (!isHubKey(value)) {
        return [problem(field.key, "capacitybuilding-validation-invalid-hub", value)];
      }
      return context.hubs && !context.hubs.has(value) ? [problem(field.key, "capacitybuilding-validation-unknown-hub", value)] : [];
    case "page":
      return isPageTitle(value) ? [] : [problem(field.key, "capacitybuilding-validation-invalid-page", value)];
    default:
      return [];
  }
}
function validateFields(schema, record, context = {}) {
  const values = record;
  const problems = [];
  for (const field of schema.fields) {
    const value = values[field.key];
    if (Array.isArray(value)) {
      if (value.length === 0) {
        if (field.required) {
          problems.push(problem(field.key, "capacitybuilding-validation-required"));
        }
        continue;
      }
      problems.push(...checkList(field, value, context));
    } else {
      const text2 = value ?? "";
      if (text2.trim() === "") {
        if (field.required) {
          problems.push(problem(field.key, "capacitybuilding-validation-required"));
        }
        continue;
      }
      problems.push(...checkScalar(field, text2, context));
    }
  }
  return problems;
}
var NEEDS_COACH = ["matched", "in-progress", "completed"];
function validateRequest(request, context = {}) {
  const problems = validateFields(REQUEST_SCHEMA, request, context);
  if ((request.requesterType === "group" || request.requesterType === "organisation") && request.organisation.trim() === "") {
    problems.push(problem("organisation", "capacitybuilding-validation-organisation-required"));
  }
  if (request.status === "triaged" && request.hub === "") {
    problems.push(problem("hub", "capacitybuilding-validation-hub-required"));
  }
  if (NEEDS_COACH.includes(request.status) && request.coach.length === 0) {
    problems.push(problem("coach", "capacitybuilding-validation-coach-required"));
  }
  if (request.holdReason && request.status !== "on-hold") {
    problems.push(problem("holdReason", "capacitybuilding-validation-hold-reason-not-on-hold"));
  }
  const datesKnown = isIsoDate(request.neededBy) && isIsoTimestamp(request.created);
  if (datesKnown && request.neededBy < dateOf(request.created)) {
    problems.push(problem("neededBy", "capacitybuilding-validation-needed-by-past"));
  }
  return problems;
}
function validateCoach(coach, context = {}) {
  const problems = validateFields(COACH_SCHEMA, coach, context);
  if (coach.languages.includes(ANY_LANGUAGE)) {
    problems.push(problem("languages", "capacitybuilding-validation-any-language-coach"));
  }
  if (coach.awayUntil !== "" && coach.availability !== "away") {
    problems.push(problem("awayUntil", "capacitybuilding-validation-away-until-unused"));
  }
  return problems;
}
function validateHub(hub, context = {}) {
  return validateFields(HUB_SCHEMA, hub, context);
}
function validateFeedback(feedback, context = {}) {
  return validateFields(FEEDBACK_SCHEMA, feedback, context);
}
var QUARTER_LABEL = /^\d{4}-Q[1-4]$/;
function validateEvaluation(evaluation, context = {}) {
  const problems = validateFields(EVALUATION_SCHEMA, evaluation, context);
  if (evaluation.period !== "" && !QUARTER_LABEL.test(evaluation.period)) {
    problems.push(problem("period", "capacitybuilding-validation-invalid-period", evaluation.period));
  }
  return problems;
}

// modules/core/judge.ts
var REQUEST_SUBPAGES = /* @__PURE__ */ new Set(["Index"]);
function classify(base, title) {
  const b = normalizeTitle(base);
  const t = normalizeTitle(title);
  const number = requestNumber(b, t);
  if (number !== null) {
    return { kind: "request", number };
  }
  const requestsPrefix = `${b}/Requests/`;
  if (t.startsWith(requestsPrefix)) {
    const rest = t.slice(requestsPrefix.length);
    return rest.includes("/") || REQUEST_SUBPAGES.has(rest) ? { kind: "other" } : { kind: "misnamed" };
  }
  const user2 = coachUser(b, t);
  if (user2 !== null) {
    return { kind: "coach", user: user2 };
  }
  const key = hubKey(b, t);
  if (key !== null) {
    return { kind: "hub", key };
  }
  const period = evaluationPeriod(b, t);
  return period === null ? { kind: "other" } : { kind: "evaluation", period };
}
function parseRevision(kind, text2, context) {
  if (kind === "evaluation") {
    return parseEvaluations(text2, context);
  }
  if (kind === "request") {
    const page = parsePage(text2, REQUEST_SCHEMA, context.codec);
    const problems = [...page.diagnostics];
    if (!page.parsed) {
      return { content: null, problems };
    }
    const entries = parseAll(text2, FEEDBACK_SCHEMA, context.codec);
    problems.push(...validateRequest(page.parsed.record, context.validation));
    for (const entry of entries) {
      problems.push(...entry.diagnostics, ...validateFeedback(entry.record, context.validation));
    }
    return { content: { kind, record: page.parsed.record, feedback: entries.map((e) => e.record) }, problems };
  }
  return kind === "coach" ? parseSimple(kind, parsePage(text2, COACH_SCHEMA, context.codec), validateCoach, context) : parseSimple(kind, parsePage(text2, HUB_SCHEMA, context.codec), validateHub, context);
}
function parseEvaluations(text2, context) {
  const entries = parseAll(text2, EVALUATION_SCHEMA, context.codec);
  const problems = entries.flatMap((entry) => [
    ...entry.diagnostics,
    ...validateEvaluation(entry.record, context.validation)
  ]);
  return { content: { kind: "evaluation", entries: entries.map((e) => e.record) }, problems };
}
function parseSimple(kind, page, validate, context) {
  if (!page.parsed) {
    return { content: null, problems: page.diagnostics };
  }
  const parsed = page.parsed.record;
  return {
    content: { kind, record: parsed },
    problems: [...page.diagnostics, ...validate(parsed, context.validation)]
  };
}
function judge(pageKind, before, after, author, context) {
  if (author === "") {
    return { allowed: false, moves: [], reason: problem(null, "capacitybuilding-bot-sync-author-hidden") };
  }
  if (after.kind === "request") {
    const previous = before?.kind === "request" ? before : null;
    const decision = checkRequestChange(previous?.record ?? null, after.record, author, context);
    if (!decision.allowed) {
      return decision;
    }
    return checkFeedbackChange(after.record, previous?.feedback ?? [], after.feedback, author, context);
  }
  if (after.kind === "coach") {
    const pageUser = pageKind.kind === "coach" ? pageKind.user : after.record.user;
    return checkCoachChange(pageUser, before?.kind === "coach" ? before.record : null, after.record, author, context);
  }
  if (after.kind === "evaluation") {
    const period = pageKind.kind === "evaluation" ? pageKind.period : "";
    return checkEvaluationChange(period, before?.kind === "evaluation" ? before.entries : [], after.entries, author, context);
  }
  return checkHubChange(before?.kind === "hub" ? before.record : null, after.record, author, context);
}
function fieldsOf(content) {
  if (content === null) {
    return /* @__PURE__ */ new Map();
  }
  if (content.kind === "evaluation") {
    return /* @__PURE__ */ new Map([["\0entries", JSON.stringify(content.entries)]]);
  }
  const fields = new Map(Object.entries(content.record).map(([k, v]) => [k, JSON.stringify(v)]));
  if (content.kind === "request") {
    fields.set("\0feedback", JSON.stringify(content.feedback));
  }
  return fields;
}
function sameFields(a, b) {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
function judgeHistory(pageKind, start, steps, context) {
  const contextOf = typeof context === "function" ? context : () => context;
  const outcome = { accepted: [], rejected: [] };
  let accepted = start;
  let acceptedFields = fieldsOf(start);
  let previousFields = acceptedFields;
  const madeBy = /* @__PURE__ */ new Map();
  for (const { revision, content } of steps) {
    if (!content) {
      continue;
    }
    const fields = fieldsOf(content);
    for (const name of /* @__PURE__ */ new Set([...fields.keys(), ...acceptedFields.keys()])) {
      const value = fields.get(name);
      if (value === acceptedFields.get(name)) {
        madeBy.delete(name);
      } else if (value !== previousFields.get(name) || !madeBy.has(name)) {
        madeBy.set(name, { user: revision.user, revid: revision.revid });
      }
    }
    previousFields = fields;
    let reason = null;
    if (accepted === null || !sameFields(fields, acceptedFields)) {
      const roles = contextOf(revision);
      const own = judge(pageKind, accepted, content, revision.user, roles);
      if (!own.allowed) {
        reason = own.reason;
      } else if (accepted !== null) {
        for (const carried of madeBy.values()) {
          if (carried.user !== revision.user && !judge(pageKind, accepted, content, carried.user, roles).allowed) {
            reason = problem(null, "capacitybuilding-bot-sync-carries-rejected", carried.revid, carried.user);
            break;
          }
        }
      }
    }
    if (reason) {
      outcome.rejected.push({ revision, reason });
      continue;
    }
    outcome.accepted.push({ revision, content, before: accepted });
    outcome.rejected = [];
    accepted = content;
    acceptedFields = fields;
    madeBy.clear();
  }
  return outcome;
}
function statusChangesOf(accepted) {
  const changes = [];
  for (const { revision, content, before } of accepted) {
    if (content.kind !== "request") {
      continue;
    }
    const from = before?.kind === "request" ? before.record.status : "";
    if (from !== content.record.status) {
      changes.push({
        revid: revision.revid,
        from,
        to: content.record.status,
        user: revision.user,
        timestamp: revision.timestamp,
        comment: revision.comment ?? ""
      });
    }
  }
  return changes;
}

// bot/sync/read.ts
var import_mwn4 = require("mwn");
var REVISION_PROPS = ["ids", "timestamp", "user", "comment", "content"];
function toRevision(title, raw) {
  const main2 = raw.slots?.main;
  return {
    title,
    revid: raw.revid,
    parentid: raw.parentid ?? 0,
    timestamp: raw.timestamp,
    user: raw.userhidden ? "" : raw.user ?? "",
    comment: raw.commenthidden ? "" : raw.comment ?? "",
    text: main2 && !main2.texthidden && typeof main2.content === "string" ? main2.content : null
  };
}
function pagesOf(response) {
  return response.query?.pages ?? [];
}
function baseLocation(client, base) {
  const title = new client.mwn.Title(base);
  return { namespace: title.getNamespaceId(), prefix: `${title.getMainText()}/` };
}
async function* allPagesUnder(client, base, batchSize) {
  const { namespace, prefix } = baseLocation(client, base);
  const query = {
    action: "query",
    generator: "allpages",
    gapnamespace: namespace,
    gapprefix: prefix,
    gaplimit: batchSize,
    prop: ["info", "revisions"],
    rvprop: REVISION_PROPS,
    rvslots: "main"
  };
  for await (const response of client.mwn.continuedQueryGen(query)) {
    yield pagesOf(response).filter((page) => page.revisions?.length).map((page) => ({
      title: page.title,
      missing: false,
      redirect: Boolean(page.redirect),
      latest: toRevision(page.title, page.revisions?.[0])
    }));
  }
}
async function batched(client, field, values, batchSize, params) {
  const pages = [];
  for (let i = 0; i < values.length; i += batchSize) {
    for await (const response of client.mwn.continuedQueryGen({ ...params, [field]: values.slice(
      i,
      i + batchSize
    ) })) {
      pages.push(...pagesOf(response));
    }
  }
  return pages;
}
async function readTitles(client, titles, batchSize) {
  const found = /* @__PURE__ */ new Map();
  const raw = await batched(client, "titles", titles, batchSize, {
    action: "query",
    prop: ["info", "revisions"],
    rvprop: REVISION_PROPS,
    rvslots: "main"
  });
  for (const page of raw) {
    const revision = page.revisions?.[0];
    const previous = found.get(page.title);
    if (previous?.latest && !revision) {
      continue;
    }
    found.set(page.title, {
      title: page.title,
      missing: Boolean(page.missing || page.invalid),
      redirect: Boolean(page.redirect),
      latest: revision ? toRevision(page.title, revision) : null
    });
  }
  return found;
}
async function readRevisions(client, revids, batchSize) {
  const found = /* @__PURE__ */ new Map();
  const raw = await batched(client, "revids", revids, batchSize, {
    action: "query",
    prop: "revisions",
    rvprop: REVISION_PROPS,
    rvslots: "main"
  });
  for (const page of raw) {
    for (const revision of page.revisions ?? []) {
      found.set(revision.revid, toRevision(page.title, revision));
    }
  }
  return found;
}
function isBadStart(error) {
  return error instanceof import_mwn4.MwnError && /badid|nosuchrevid/i.test(String(error.code));
}
async function pageHistory(client, title, options) {
  const { after, max, batchSize, until } = options;
  const revisions = [];
  const query = {
    action: "query",
    titles: title,
    prop: "revisions",
    rvprop: REVISION_PROPS,
    rvslots: "main",
    rvdir: "newer",
    // rvstartid is inclusive: one more for that revision, one more to tell whether there are more.
    ...after ? { rvstartid: after } : {},
    rvlimit: Math.min(max + 2, batchSize)
  };
  let sawAfter = !after;
  try {
    reading: for await (const response of client.mwn.continuedQueryGen(query)) {
      for (const page of pagesOf(response)) {
        for (const raw of page.revisions ?? []) {
          sawAfter ||= raw.revid === after;
          if (raw.revid > after) {
            revisions.push(toRevision(page.title, raw));
          }
          if (revisions.length > max || until !== void 0 && raw.revid === until) {
            break reading;
          }
        }
      }
    }
  } catch (error) {
    if (after && isBadStart(error)) {
      return { ...await pageHistory(client, title, { ...options, after: 0 }), rebased: true };
    }
    throw error;
  }
  if (!sawAfter) {
    return { ...await pageHistory(client, title, { ...options, after: 0 }), rebased: true };
  }
  return { revisions: revisions.slice(0, max), more: revisions.length > max, rebased: false };
}
var RC_TYPES = ["edit", "new", "log"];
function configQuery(after) {
  return {
    titles: CONFIG_PAGE,
    prop: "revisions",
    rvprop: ["ids", "timestamp", "content"],
    rvslots: "main",
    rvdir: "newer",
    rvlimit: "max",
    ...after ? { rvstartid: after } : {}
  };
}
function collectConfig(response, into) {
  for (const page of pagesOf(response)) {
    for (const raw of page.revisions ?? []) {
      const text2 = raw.slots?.main?.content;
      if (typeof text2 === "string" && !raw.slots?.main?.texthidden) {
        into.set(raw.revid, { revid: raw.revid, at: raw.timestamp, text: text2 });
      }
    }
  }
}
async function configHistory(client, after = 0) {
  const found = /* @__PURE__ */ new Map();
  for await (const response of client.mwn.continuedQueryGen({ action: "query", ...configQuery(after) })) {
    collectConfig(response, found);
  }
  return [...found.values()].filter((r) => r.revid > after).sort((a, b) => a.revid - b.revid);
}
function newestText(revisions, fallback) {
  return revisions.length ? revisions[revisions.length - 1].text : fallback;
}
async function oldestRecentChange(client) {
  const response = await client.request({
    action: "query",
    list: "recentchanges",
    rcdir: "newer",
    rclimit: 1,
    rcprop: "timestamp"
  });
  return response.query?.recentchanges?.[0]?.timestamp ?? null;
}
async function changesSince(client, base, cursor, configAfter = 0) {
  const { namespace } = baseLocation(client, base);
  const query = {
    action: "query",
    list: ["recentchanges", "logevents"],
    rcnamespace: namespace,
    rcdir: "newer",
    rclimit: "max",
    rctype: RC_TYPES,
    rcprop: ["title", "ids", "timestamp", "loginfo"],
    letype: "move",
    ledir: "newer",
    lelimit: "max",
    leprop: ["ids", "title", "type", "details", "timestamp"],
    ...cursor.timestamp ? { rcstart: cursor.timestamp, lestart: cursor.timestamp } : {},
    ...configQuery(configAfter)
  };
  const changes = [];
  const moves = [];
  let next = cursor;
  const configRevisions = /* @__PURE__ */ new Map();
  let covered = !cursor.timestamp;
  const generator = client.mwn.continuedQueryGen(query);
  let responses;
  try {
    const first = await generator.next();
    responses = (async function* () {
      if (!first.done) {
        yield first.value;
      }
      yield* generator;
    })();
  } catch (error) {
    if (!configAfter || !isBadStart(error)) {
      throw error;
    }
    const again = await changesSince(client, base, cursor, 0);
    return { ...again, configReplace: true };
  }
  for await (const response of responses) {
    collectConfig(response, configRevisions);
    for (const raw of response.query?.recentchanges ?? []) {
      if (raw.timestamp <= cursor.timestamp) {
        covered = true;
      }
      if (raw.rcid <= cursor.rcid) {
        continue;
      }
      if (raw.rcid > next.rcid) {
        next = { ...next, timestamp: raw.timestamp, rcid: raw.rcid };
      }
      changes.push({
        rcid: raw.rcid,
        timestamp: raw.timestamp,
        type: raw.type,
        title: raw.title,
        ...raw.logtype ? { logType: raw.logtype } : {},
        ...raw.logparams?.target_title ? { movedTo: raw.logparams.target_title } : {}
      });
    }
    for (const raw of response.query?.logevents ?? []) {
      if (raw.logid <= (cursor.logid ?? 0)) {
        continue;
      }
      if (raw.logid > (next.logid ?? 0)) {
        next = { ...next, logid: raw.logid };
      }
      if (raw.title && raw.params?.target_title && !raw.actionhidden) {
        moves.push({
          logid: raw.logid,
          timestamp: raw.timestamp,
          title: raw.title,
          movedTo: raw.params.target_title
        });
      }
    }
  }
  let expired = null;
  if (!covered) {
    const oldest = await oldestRecentChange(client);
    if (oldest === null || oldest > cursor.timestamp) {
      expired = { oldest };
    }
  }
  const stored = configRevisions.get(configAfter);
  const added = [...configRevisions.values()].filter((r) => r.revid > configAfter).sort((a, b) => a.revid - b.revid);
  if (configAfter && !stored && !added.length && !configRevisions.size) {
    return { changes, moves, cursor: next, config: "", expired, configRevisions: await configHistory(client), configReplace: true };
  }
  return {
    changes,
    moves,
    cursor: next,
    config: newestText(added, stored?.text ?? ""),
    expired,
    configRevisions: added,
    configReplace: false
  };
}
async function startingPoint(client, base) {
  const { namespace } = baseLocation(client, base);
  const response = await client.request({
    action: "query",
    curtimestamp: true,
    list: ["recentchanges", "logevents"],
    rcnamespace: namespace,
    rcdir: "older",
    rclimit: 1,
    rctype: RC_TYPES,
    rcprop: ["ids", "timestamp"],
    letype: "move",
    ledir: "older",
    lelimit: 1,
    leprop: "ids",
    ...configQuery(0)
  });
  const found = /* @__PURE__ */ new Map();
  collectConfig(response, found);
  const continued2 = response.continue?.rvcontinue !== void 0;
  const configRevisions = continued2 ? await configHistory(client) : [...found.values()].sort((a, b) => a.revid - b.revid);
  const newest2 = response.query?.recentchanges?.[0];
  const newestMove = response.query?.logevents?.[0];
  return {
    cursor: {
      timestamp: newest2?.timestamp ?? String(response.curtimestamp ?? ""),
      rcid: newest2?.rcid ?? 0,
      logid: newestMove?.logid ?? 0
    },
    config: newestText(configRevisions, ""),
    configRevisions
  };
}

// bot/sync/history.ts
async function readHistories(client, wanted, options) {
  const { batchSize, max } = options;
  const histories = /* @__PURE__ */ new Map();
  const start = client.requestCount;
  let walkedPages = 0;
  let pending = [];
  const oldestOf = (walk) => walk.chain[walk.chain.length - 1];
  const done = (walk, ended) => {
    const revisions = [...walk.chain].reverse();
    histories.set(walk.wanted.title, {
      revisions: revisions.slice(0, max),
      more: revisions.length > max,
      rebased: ended && walk.wanted.after !== 0
    });
  };
  const settle = (walk) => {
    const parent = oldestOf(walk).parentid;
    if (parent === walk.wanted.after || parent === 0) {
      done(walk, parent !== walk.wanted.after);
      return "done";
    }
    return walk.chain.length > max ? "per-page" : "pending";
  };
  const perPage = async (walk) => {
    let after = walk.wanted.after;
    for (; ; ) {
      const read = await pageHistory(client, walk.wanted.title, {
        after,
        max,
        batchSize,
        until: oldestOf(walk).revid
      });
      if (read.more) {
        histories.set(walk.wanted.title, { ...read, rebased: read.rebased || after !== walk.wanted.after });
        return;
      }
      const byId = new Map(read.revisions.map((r) => [r.revid, r]));
      let parent = byId.get(oldestOf(walk).parentid);
      while (parent) {
        walk.chain.push(parent);
        parent = byId.get(parent.parentid);
      }
      const last = oldestOf(walk).parentid;
      if (last === walk.wanted.after || last === 0 || after === 0) {
        done(walk, last !== walk.wanted.after);
        return;
      }
      after = 0;
    }
  };
  for (const page of wantedPages(wanted)) {
    if (page.newest.revid === page.after) {
      histories.set(page.title, { revisions: [], more: false, rebased: false });
      continue;
    }
    const walk = { wanted: page, chain: [page.newest] };
    if (settle(walk) === "pending") {
      pending.push(walk);
      walkedPages++;
    }
  }
  for (let rounds = 0; pending.length; rounds++) {
    if (pending.length === 1 || pending.length <= rounds) {
      for (const walk of pending) {
        await perPage(walk);
      }
      break;
    }
    const parents = await readRevisions(client, pending.map((w) => oldestOf(w).parentid), batchSize);
    const next = [];
    for (const walk of pending) {
      const parent = parents.get(oldestOf(walk).parentid);
      if (!parent) {
        done(walk, true);
        continue;
      }
      walk.chain.push(parent);
      const state = settle(walk);
      if (state === "per-page") {
        await perPage(walk);
      } else if (state === "pending") {
        next.push(walk);
      }
    }
    pending = next;
  }
  return { histories, cost: { requests: client.requestCount - start, pages: walkedPages } };
}
function wantedPages(wanted) {
  const seen = /* @__PURE__ */ new Set();
  return wanted.filter((w) => !seen.has(w.title) && Boolean(seen.add(w.title)));
}

// bot/sync/judgePages.ts
function parseAt(kind, revision, timeline, codec) {
  if (revision.text === null) {
    return { content: null, problems: [problem(null, "capacitybuilding-bot-sync-content-hidden")] };
  }
  return parseRevision(kind, revision.text, { codec, validation: { hubs: timeline.at(revision.revid).hubKeys } });
}
function judgePage(page, timeline, codec) {
  const parsed = new Map(page.revisions.map((r) => [
    r.revid,
    parseAt(page.pageKind.kind, r, timeline, codec)
  ]));
  const outcome = judgeHistory(page.pageKind, page.known?.content ?? null, page.revisions.map((revision) => ({
    revision,
    content: parsed.get(revision.revid)?.content ?? null
  })), (revision) => timeline.at(revision.revid).permissions);
  return { page, outcome, parsed };
}

// bot/sync/load.ts
async function loadStore(store) {
  const [requests, coaches, hubs, evaluations, problems, configHistory2, hubTimeline] = await Promise.all([
    store.requests(),
    store.coaches(),
    store.hubs(),
    store.evaluations(),
    store.problems(),
    store.configHistory(),
    store.hubTimeline()
  ]);
  const byPage = /* @__PURE__ */ new Map();
  for (const p of problems) {
    byPage.set(p.page, [...byPage.get(p.page) ?? [], p]);
  }
  return {
    records: new Map([...requests, ...coaches, ...hubs, ...evaluations].map((r) => [r.page, r])),
    problems: byPage,
    configHistory: configHistory2,
    hubTimeline,
    coachSince: new Map(coaches.map((c) => [c.user, c.since ?? c.revid]))
  };
}
function knownOf(kind, stored) {
  if (kind.kind === "request") {
    const r = stored;
    return { content: { kind: "request", record: r.record, feedback: r.feedback }, revid: r.revid, since: 0 };
  }
  if (kind.kind === "coach") {
    const c = stored;
    return { content: { kind: "coach", record: c.record }, revid: c.revid, since: c.since ?? c.revid };
  }
  if (kind.kind === "evaluation") {
    return { content: { kind: "evaluation", entries: stored.entries }, revid: stored.revid, since: 0 };
  }
  return { content: { kind: "hub", record: stored.record }, revid: stored.revid, since: 0 };
}

// bot/sync/plan.ts
var HISTORY_LOGS = /* @__PURE__ */ new Set(["move", "delete", "import", "merge"]);
async function planSync(options, storedCursor, configAfter) {
  let fullBecause = options.full ? "asked" : storedCursor === null ? "no-cursor" : null;
  if (storedCursor && !fullBecause) {
    const plan = await readChanged(options, storedCursor, configAfter);
    if (plan) {
      return plan;
    }
    fullBecause = "cursor-expired";
  }
  return { ...await readAll(options), fullBecause };
}
async function readChanged(options, since, configAfter) {
  const { client, logger, messages, base } = options;
  const read = await changesSince(client, base, since, configAfter);
  if (read.expired) {
    const oldest = read.expired.oldest;
    logger.warn(
      oldest ? messages.text("capacitybuilding-bot-log-sync-cursor-expired", since.timestamp, oldest) : messages.text("capacitybuilding-bot-log-sync-cursor-expired-empty", since.timestamp),
      { reason: "cursor-expired", cursor: since, oldestRecentChange: oldest }
    );
    return null;
  }
  const named2 = /* @__PURE__ */ new Map();
  const name = (title, fromStart) => {
    if (title !== void 0 && normalizeTitle(title).startsWith(`${base}/`) && classify(base, title).kind !== "other") {
      const key = normalizeTitle(title);
      named2.set(key, (named2.get(key) ?? false) || fromStart);
    }
  };
  for (const move of read.moves) {
    name(move.title, true);
    name(move.movedTo, true);
  }
  for (const change of read.changes) {
    if (change.type !== "log") {
      name(change.title, false);
    } else if (HISTORY_LOGS.has(change.logType ?? "")) {
      name(change.title, true);
      name(change.movedTo, true);
    }
  }
  const pages = named2.size ? [...(await readTitles(
    client,
    [...named2.keys()],
    options.batchSize
  )).values()] : [];
  return {
    full: false,
    fullBecause: null,
    cursor: read.cursor,
    config: read.config,
    configRevisions: read.configRevisions,
    configReplace: read.configReplace,
    pages: pages.map((page) => ({
      read: page,
      fromStart: named2.get(normalizeTitle(page.title)) ?? true
    }))
  };
}
async function readAll(options) {
  const start = await startingPoint(options.client, options.base);
  const pages = [];
  for await (const batch of allPagesUnder(options.client, options.base, options.batchSize)) {
    pages.push(...batch.map((read) => ({ read, fromStart: true })));
    options.logger.progress(options.messages.text("capacitybuilding-bot-progress-sync"), pages.length, pages.length);
  }
  return {
    full: true,
    pages,
    cursor: start.cursor,
    config: start.config,
    configRevisions: start.configRevisions,
    configReplace: true
  };
}
function readConfig(text2, logger, messages) {
  if (text2.trim() === "") {
    return parseConfig({});
  }
  let json;
  try {
    json = JSON.parse(text2);
  } catch {
    logger.warn(messages.text("capacitybuilding-bot-log-config-unreadable"));
    return parseConfig({});
  }
  const parsed = parseConfig(json);
  for (const p of parsed.problems) {
    logger.warn(messages.text("capacitybuilding-bot-log-config-problem", messages.problem(p)));
  }
  return parsed;
}

// bot/sync/results.ts
function problemKind(p) {
  return p.key.startsWith("capacitybuilding-codec-") ? "malformed" : "invalid";
}
function toStored(page, revision, problems, kind) {
  return problems.map((p) => ({
    page,
    revid: revision.revid,
    kind: kind ?? problemKind(p),
    message: p.key,
    params: p.params,
    field: p.field ?? "",
    user: revision.user
  }));
}
function resultOf(judgement, old, hadRecord, maxRevisions) {
  const { page, outcome, parsed } = judgement;
  const { title, pageKind, known } = page;
  const problems = outcome.rejected.flatMap((r) => toStored(title, r.revision, [r.reason], "rejected"));
  const extra = [];
  const newest2 = page.revisions[page.revisions.length - 1];
  if (newest2 && !parsed.get(newest2.revid)?.content) {
    extra.push(...toStored(title, newest2, parsed.get(newest2.revid)?.problems ?? [], "malformed"));
  }
  if (newest2 && page.more) {
    extra.push(...toStored(title, newest2, [
      { field: null, key: "capacitybuilding-bot-sync-history-too-long", params: [maxRevisions] }
    ], "rejected"));
  }
  const last = outcome.accepted[outcome.accepted.length - 1];
  const base = {
    statusChanges: [],
    replacesHistory: known === null,
    hubEntries: [],
    coachSince: known?.since ?? null,
    rejected: outcome.rejected
  };
  if (!last) {
    if (known) {
      const kept = old.filter((p) => p.kind !== "rejected" && p.revid === known.revid);
      return { ...base, update: { page: title, action: "keep", problems: [...problems, ...extra, ...kept] }, changed: false };
    }
    return {
      ...base,
      coachSince: null,
      update: { page: title, action: "remove", problems: [...problems, ...extra] },
      changed: hadRecord
    };
  }
  problems.push(...toStored(title, last.revision, parsed.get(last.revision.revid)?.problems ?? []), ...extra);
  const { revision, content } = last;
  const common = { page: title, revid: revision.revid, updated: revision.timestamp };
  const result = { ...base, changed: known?.revid !== revision.revid };
  if (content.kind === "request" && pageKind.kind === "request") {
    const number = pageKind.number;
    return {
      ...result,
      update: { page: title, action: "request", problems, value: { ...common, number, record: content.record, feedback: content.feedback } },
      statusChanges: statusChangesOf(outcome.accepted).map((c) => ({
        requestNumber: number,
        from: c.from,
        to: c.to,
        user: c.user,
        at: c.timestamp,
        revid: c.revid,
        comment: c.comment
      }))
    };
  }
  if (content.kind === "coach" && pageKind.kind === "coach") {
    const since = known?.since ?? outcome.accepted[0].revision.revid;
    return {
      ...result,
      coachSince: since,
      update: { page: title, action: "coach", problems, value: { ...common, user: pageKind.user, record: content.record, since } }
    };
  }
  if (content.kind === "hub" && pageKind.kind === "hub") {
    const key = pageKind.key;
    return {
      ...result,
      update: { page: title, action: "hub", problems, value: { ...common, key, record: content.record } },
      hubEntries: outcome.accepted.map((a) => ({
        page: title,
        key,
        revid: a.revision.revid,
        contacts: a.content.kind === "hub" ? a.content.record.contacts : []
      }))
    };
  }
  if (content.kind === "evaluation" && pageKind.kind === "evaluation") {
    return {
      ...result,
      update: { page: title, action: "evaluation", problems, value: { ...common, period: pageKind.period, entries: content.entries } }
    };
  }
  throw new Error(`A ${content.kind} record on a ${pageKind.kind} page`);
}

// bot/sync/roles.ts
function configOfText(text2) {
  try {
    return parseConfig(text2.trim() === "" ? {} : JSON.parse(text2)).config;
  } catch {
    return parseConfig({}).config;
  }
}
var RoleTimeline = class {
  config;
  hubs;
  /** First accepted revision of each coach profile, by user. */
  coaches;
  events = null;
  cache = /* @__PURE__ */ new Map();
  constructor(config, hubs, coaches) {
    this.config = [...config];
    this.hubs = [...hubs];
    this.coaches = new Map(coaches);
  }
  /** Replaces a hub page's timeline (judged from its first revision, or gone: no entries). */
  setHub(page, entries) {
    this.hubs = [...this.hubs.filter((e) => e.page !== page), ...entries];
    this.changed();
  }
  /** Adds a hub page's newly accepted revisions. */
  addHub(entries) {
    this.hubs.push(...entries);
    this.changed();
  }
  /** Sets (or, with null, removes) when a user's coach profile was first accepted. */
  setCoach(user2, since) {
    if (since === null) {
      this.coaches.delete(user2);
    } else {
      this.coaches.set(user2, since);
    }
    this.changed();
  }
  /** The roles in force for a revision: everything accepted in revisions before it. */
  at(revid) {
    const events = this.sortedEvents();
    let low = 0;
    let high = events.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (events[mid].revid < revid) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    let roles = this.cache.get(low);
    if (!roles) {
      roles = this.build(events.slice(0, low));
      this.cache.set(low, roles);
    }
    return roles;
  }
  build(before) {
    let config = parseConfig({}).config;
    const contacts = /* @__PURE__ */ new Map();
    const coaches = /* @__PURE__ */ new Set();
    for (const event of before) {
      if (event.kind === "config") {
        config = event.config;
      } else if (event.kind === "hub") {
        contacts.set(event.key, { page: event.page, contacts: event.contacts });
      } else {
        coaches.add(event.user);
      }
    }
    const hubs = new Map([...contacts].map(([key, hub]) => [key, { contacts: hub.contacts }]));
    return { permissions: { config, hubs, coaches }, hubKeys: new Set(hubs.keys()) };
  }
  changed() {
    this.events = null;
    this.cache.clear();
  }
  sortedEvents() {
    if (!this.events) {
      const configs = /* @__PURE__ */ new Map();
      const events = [
        ...this.config.map((r) => {
          let config = configs.get(r.text);
          if (!config) {
            config = configOfText(r.text);
            configs.set(r.text, config);
          }
          return { revid: r.revid, kind: "config", config };
        }),
        ...this.hubs.map((h) => ({ revid: h.revid, kind: "hub", page: h.page, key: h.key, contacts: h.contacts })),
        ...[...this.coaches].map(([user2, since]) => ({ revid: since, kind: "coach", user: user2 }))
      ];
      this.events = events.sort((a, b) => a.revid - b.revid);
    }
    return this.events;
  }
};

// bot/sync/sync.ts
var DEFAULT_MAX_REVISIONS = 1e3;
var KINDS2 = ["hub", "coach", "request", "evaluation"];
async function runSync(options) {
  const { client, store, logger, messages } = options;
  const base = normalizeTitle(options.base);
  const batchSize = options.batchSize ?? client.batchSize;
  const maxRevisions = options.maxRevisions ?? DEFAULT_MAX_REVISIONS;
  const startRequests = client.requestCount;
  const state = await loadStore(store);
  const storedConfig = state.configHistory;
  const plan = await planSync(
    { client, logger, messages, base, full: options.full, batchSize },
    await store.cursor(),
    storedConfig.length ? storedConfig[storedConfig.length - 1].revid : 0
  );
  const { full } = plan;
  const { config, problems: configProblems } = readConfig(plan.config, logger, messages);
  const configHistory2 = plan.configReplace ? plan.configRevisions : [...storedConfig, ...plan.configRevisions];
  const timeline = full ? new RoleTimeline(configHistory2, [], /* @__PURE__ */ new Map()) : new RoleTimeline(configHistory2, state.hubTimeline, state.coachSince);
  const report = {
    full,
    fullBecause: plan.fullBecause,
    pagesRead: plan.pages.length,
    changed: 0,
    rejected: 0,
    problems: 0,
    revisions: 0,
    walkedBack: 0,
    historyRequests: 0,
    requests: 0,
    configProblems
  };
  const results = { updates: [], statusChanges: [], historyReplaced: [], hubTimeline: {
    replacePages: [],
    add: []
  } };
  const toJudge = pagesToJudge(plan, state, base, timeline, results, report);
  const { histories, cost } = await readHistories(client, toJudge, { batchSize, max: maxRevisions });
  report.walkedBack = cost.pages;
  report.historyRequests = cost.requests;
  for (const kind of KINDS2) {
    const pages = toJudge.filter((w) => w.pageKind.kind === kind);
    for (const wanted of kind === "hub" ? inCreationOrder(pages, histories) : pages) {
      judgeOne(wanted, histories.get(wanted.title), {
        options,
        state,
        timeline,
        results,
        report,
        maxRevisions
      });
    }
  }
  await store.apply({
    ...results,
    cursor: plan.cursor,
    full,
    config: JSON.stringify(config),
    configHistory: { replace: plan.configReplace, add: plan.configRevisions },
    finished: (/* @__PURE__ */ new Date()).toISOString()
  });
  report.problems = (await store.problems()).length;
  report.requests = client.requestCount - startRequests;
  return report;
}
function inCreationOrder(pages, histories) {
  const first = (wanted) => histories.get(wanted.title)?.revisions[0]?.revid ?? Infinity;
  return [...pages].sort((a, b) => first(a) - first(b));
}
function pagesToJudge(plan, state, base, timeline, results, report) {
  const toJudge = [];
  for (const { read: page, fromStart } of plan.pages) {
    const title = normalizeTitle(page.title);
    const pageKind = classify(base, title);
    const stored = state.records.get(title);
    if (page.missing || page.redirect || !page.latest) {
      if (stored || state.problems.has(title)) {
        results.updates.push({ page: title, action: "remove", problems: [] });
        report.changed += stored ? 1 : 0;
      }
      if (pageKind.kind === "hub") {
        timeline.setHub(title, []);
      } else if (pageKind.kind === "coach") {
        timeline.setCoach(pageKind.user, null);
      }
    } else if (pageKind.kind === "misnamed") {
      results.updates.push({ page: title, action: "remove", problems: toStored(title, page.latest, [
        { field: null, key: "capacitybuilding-bot-sync-misnamed", params: [] }
      ], "misnamed") });
    } else if (pageKind.kind !== "other") {
      const judgedFromStart = plan.full || fromStart || !stored;
      toJudge.push({
        title,
        pageKind,
        newest: page.latest,
        fromStart: judgedFromStart,
        after: judgedFromStart || !stored ? 0 : stored.revid
      });
    }
  }
  return toJudge;
}
function judgeOne(wanted, history, context) {
  const { options, state, timeline, results, report } = context;
  const read = history ?? { revisions: [], more: false, rebased: false };
  const stored = state.records.get(wanted.title);
  const fromStart = wanted.fromStart || read.rebased;
  const page = {
    title: wanted.title,
    pageKind: wanted.pageKind,
    revisions: read.revisions,
    more: read.more,
    known: fromStart || !stored ? null : knownOf(wanted.pageKind, stored)
  };
  const result = resultOf(
    judgePage(page, timeline, { extensionTags: options.client.site.extensionTags }),
    state.problems.get(wanted.title) ?? [],
    Boolean(stored),
    context.maxRevisions
  );
  report.revisions += read.revisions.length;
  report.changed += result.changed ? 1 : 0;
  for (const { revision, reason } of result.rejected) {
    report.rejected++;
    logRejected(options, wanted.title, revision, reason);
  }
  results.updates.push(result.update);
  results.statusChanges.push(...result.statusChanges);
  if (wanted.pageKind.kind === "request" && result.replacesHistory) {
    results.historyReplaced.push(wanted.pageKind.number);
  }
  if (wanted.pageKind.kind === "hub") {
    if (page.known) {
      timeline.addHub(result.hubEntries);
    } else {
      timeline.setHub(wanted.title, result.hubEntries);
      results.hubTimeline.replacePages.push(wanted.title);
    }
    results.hubTimeline.add.push(...result.hubEntries);
  } else if (wanted.pageKind.kind === "coach") {
    timeline.setCoach(wanted.pageKind.user, result.coachSince);
  }
}
function logRejected(options, title, revision, reason) {
  const m = options.messages;
  options.logger.warn(
    m.text("capacitybuilding-bot-log-rejected", title, revision.revid, revision.user, m.problem(reason)),
    { page: title, revid: revision.revid, user: revision.user, reason: reason.key }
  );
}

// bot/commands/sync.ts
function logSync(ctx, report) {
  const m = ctx.messages;
  ctx.logger.info(m.text(
    report.full ? "capacitybuilding-bot-log-sync-full" : "capacitybuilding-bot-log-sync-incremental",
    report.pagesRead,
    report.changed,
    report.rejected,
    report.problems,
    report.requests
  ), {
    full: report.full,
    fullBecause: report.fullBecause,
    pagesRead: report.pagesRead,
    changed: report.changed,
    rejected: report.rejected,
    problems: report.problems,
    requests: report.requests,
    revisions: report.revisions,
    walkedBack: report.walkedBack,
    historyRequests: report.historyRequests
  });
}
async function syncOnce(ctx, full) {
  const client = await ctx.wiki();
  const store = await ctx.store();
  try {
    const report = await runSync({
      client,
      store,
      logger: ctx.logger,
      messages: ctx.messages,
      base: ctx.base,
      full
    });
    logSync(ctx, report);
    return report;
  } finally {
    await store.close();
  }
}
function syncCommand(kit) {
  kit.command("sync", "capacitybuilding-bot-help-command-sync", "capacitybuilding-bot-help-sync-after").option("--full", kit.t("capacitybuilding-bot-help-option-full")).action(async (options, command) => {
    const ctx = kit.context(command);
    const report = await syncOnce(ctx, Boolean(options.full));
    kit.run.code = report.rejected || report.problems ? EXIT.problems : EXIT.ok;
  });
}

// bot/commands/watch.ts
var import_commander5 = require("commander");
var DEFAULT_INTERVAL = 60;
function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}
function watchCommand(kit) {
  const t = kit.t.bind(kit);
  kit.command("watch", "capacitybuilding-bot-help-command-watch", "capacitybuilding-bot-help-watch-after").option("--interval <seconds>", t("capacitybuilding-bot-help-option-interval", DEFAULT_INTERVAL), (value) => {
    const seconds = Number(value);
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new import_commander5.InvalidArgumentError(t("capacitybuilding-bot-help-interval-invalid"));
    }
    return seconds;
  }, DEFAULT_INTERVAL).option("--notify", t("capacitybuilding-bot-help-option-notify")).option("--publish", t("capacitybuilding-bot-help-option-publish")).option("--rounds <n>", t("capacitybuilding-bot-help-option-rounds"), (value) => Number(value)).action(async (options, command) => {
    const ctx = kit.context(command);
    const signal = { stopping: false, wake: () => void 0 };
    const stop = () => {
      signal.stopping = true;
      signal.wake();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    ctx.logger.info(ctx.messages.text("capacitybuilding-bot-log-watch-start", options.interval), { interval: options.interval });
    try {
      for (let round = 1; !signal.stopping; round++) {
        try {
          await syncOnce(ctx, false);
          if (options.notify && !signal.stopping) {
            await notifyOnce(ctx);
          }
          if (options.publish && !signal.stopping) {
            await publishOnce(ctx);
          }
        } catch (error) {
          const fatal = [ShutOffError, CredentialsError, LoginError];
          if (fatal.some((kind) => error instanceof kind)) {
            throw error;
          }
          ctx.logger.warn(ctx.messages.text("capacitybuilding-bot-log-watch-error", errorText(error, ctx.messages)));
        }
        if (options.rounds !== void 0 && round >= options.rounds) {
          break;
        }
        await pause(options.interval * 1e3, signal);
      }
    } finally {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    }
    ctx.logger.info(ctx.messages.text("capacitybuilding-bot-log-watch-stop"));
    kit.run.code = EXIT.ok;
  });
}

// bot/usageErrors.ts
var import_commander6 = require("commander");
var commander = import_commander6.Command.prototype;
var MAX_DISTANCE = 3;
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) {
    return Math.max(a.length, b.length);
  }
  const d = [];
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
  }
  for (let j = 0; j <= b.length; j++) {
    d[0][j] = j;
  }
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      const row = d[i];
      const above = d[i - 1];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        above[j] + 1,
        row[j - 1] + 1,
        above[j - 1] + cost
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
function suggestSimilar(word, candidates) {
  const options = word.startsWith("--");
  const strip = (name) => options ? name.slice(2) : name;
  const typed = strip(word);
  let best = MAX_DISTANCE;
  let similar = [];
  for (const candidate of new Set(candidates)) {
    const name = strip(candidate);
    if (name.length <= 1) {
      continue;
    }
    const distance = editDistance(typed, name);
    const length2 = Math.max(typed.length, name.length);
    if ((length2 - distance) / length2 <= 0.4) {
      continue;
    }
    if (distance < best) {
      best = distance;
      similar = [candidate];
    } else if (distance === best) {
      similar.push(candidate);
    }
  }
  return similar.sort((a, b) => a.localeCompare(b));
}
var TranslatedCommand = class _TranslatedCommand extends import_commander6.Command {
  messages;
  /** The translated text of the usage error being raised, and commander's code for it. */
  raising = null;
  suggestions = true;
  constructor(name, messages) {
    super(name);
    this.messages = messages;
  }
  createCommand(name) {
    return new _TranslatedCommand(name, this.messages);
  }
  showSuggestionAfterError(displaySuggestion = true) {
    this.suggestions = displaySuggestion;
    return super.showSuggestionAfterError(displaySuggestion);
  }
  /**
   * Raises commander's usage error `code` with `text` instead of commander's English: runs
   * commander's method (which decides whether it is an error at all); `error` swaps the text.
   *
   * @param code Commander's error code
   * @param text The translated text
   * @param raise Commander's method
   */
  translate(code, text2, raise) {
    const outer = this.raising;
    this.raising = { code, text: text2 };
    try {
      raise();
    } finally {
      this.raising = outer;
    }
  }
  hint(typed, candidates) {
    const similar = this.suggestions ? suggestSimilar(typed, candidates) : [];
    if (!similar.length) {
      return "";
    }
    return `
${this.messages.text("capacitybuilding-bot-usage-did-you-mean", similar.join(", "), similar.length)}`;
  }
  error(message, errorOptions) {
    const raising = this.raising;
    this.raising = null;
    return super.error(raising && raising.code === errorOptions?.code ? raising.text : message, errorOptions);
  }
  unknownOption(flag) {
    const candidates = [];
    const commands = [this];
    for (let parent = this.parent; parent; parent = parent.parent) {
      commands.push(parent);
    }
    for (const command of commands) {
      for (const option2 of command.createHelp().visibleOptions(command)) {
        if (option2.long) {
          candidates.push(option2.long);
        }
      }
    }
    const text2 = this.messages.text("capacitybuilding-bot-usage-unknown-option", flag) + (flag.startsWith("--") ? this.hint(flag, candidates) : "");
    this.translate("commander.unknownOption", text2, () => commander.unknownOption.call(this, flag));
  }
  unknownCommand() {
    const typed = this.args[0] ?? "";
    const candidates = this.createHelp().visibleCommands(this).flatMap((command) => [command.name(), ...command.aliases()]);
    const text2 = this.messages.text("capacitybuilding-bot-usage-unknown-command", typed) + this.hint(typed, candidates);
    this.translate("commander.unknownCommand", text2, () => commander.unknownCommand.call(this));
  }
  missingArgument(name) {
    const text2 = this.messages.text("capacitybuilding-bot-usage-missing-argument", name);
    this.translate("commander.missingArgument", text2, () => commander.missingArgument.call(this, name));
  }
  optionMissingArgument(option2) {
    const text2 = this.messages.text("capacitybuilding-bot-usage-option-missing-argument", option2.flags);
    this.translate("commander.optionMissingArgument", text2, () => commander.optionMissingArgument.call(this, option2));
  }
  missingMandatoryOptionValue(option2) {
    const text2 = this.messages.text("capacitybuilding-bot-usage-missing-mandatory-option", option2.flags);
    this.translate(
      "commander.missingMandatoryOptionValue",
      text2,
      () => commander.missingMandatoryOptionValue.call(this, option2)
    );
  }
  _conflictingOption(option2, conflictingOption) {
    const text2 = this.messages.text("capacitybuilding-bot-usage-conflicting-options", option2.flags, conflictingOption.flags);
    this.translate("commander.conflictingOption", text2, () => commander._conflictingOption.call(this, option2, conflictingOption));
  }
  _excessArguments(receivedArgs) {
    const text2 = this.messages.text("capacitybuilding-bot-usage-excess-arguments", this.name());
    this.translate("commander.excessArguments", text2, () => commander._excessArguments.call(this, receivedArgs));
  }
  _callParseArg(target, value, previous, invalidArgumentMessage) {
    const parse = target.parseArg;
    try {
      return parse.call(target, value, previous);
    } catch (error) {
      const { code, exitCode } = error;
      if (code === "commander.invalidArgument") {
        const reason = error.message;
        const text2 = target instanceof import_commander6.Argument ? this.messages.text("capacitybuilding-bot-usage-invalid-command-argument", target.name(), value, reason) : this.messages.text("capacitybuilding-bot-usage-invalid-argument", target.flags, value, reason);
        this.translate(code, text2, () => this.error(`${invalidArgumentMessage} ${reason}`, { exitCode, code }));
      }
      throw error;
    }
  }
};

// bot/cli.ts
var COMMANDS = [
  setupCommand,
  syncCommand,
  notifyCommand,
  publishCommand,
  watchCommand,
  statusCommand,
  exportCommand,
  deployCommand
];
function exitCodeFor(error, logger, messages) {
  const report = (message) => {
    if (logger) {
      logger.error(message);
    } else {
      process.stderr.write(`${messages.text("capacitybuilding-bot-log-level-error", message)}
`);
    }
  };
  if (error instanceof StoreUrlError) {
    report(messages.text("capacitybuilding-bot-error-store-url", error.shown, messages.text(error.reason)));
    return EXIT.configuration;
  }
  if (error instanceof MigrationError) {
    report(messages.text("capacitybuilding-bot-error-migration", error.migration, error.message));
    return EXIT.configuration;
  }
  if (error instanceof CredentialsError || error instanceof LoginError) {
    report(errorText(error, messages));
    return EXIT.configuration;
  }
  if (error instanceof ConnectionError) {
    report(errorText(error, messages));
    return EXIT.unreachable;
  }
  const code = error.code;
  if (typeof code === "string" && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|PROTOCOL_CONNECTION_LOST|ER_ACCESS_DENIED_ERROR|ER_BAD_DB_ERROR|SQLITE_CANTOPEN)$/.test(code)) {
    report(messages.text("capacitybuilding-bot-error-store-unreachable", error.message));
    return EXIT.unreachable;
  }
  if (error instanceof ShutOffError) {
    report(error.message);
    return EXIT.stopped;
  }
  report(error instanceof Error ? error.stack ?? error.message : String(error));
  return EXIT.failure;
}
function translatedHelp(messages) {
  const titles = {
    "Usage:": "capacitybuilding-bot-help-title-usage",
    "Options:": "capacitybuilding-bot-help-title-options",
    "Commands:": "capacitybuilding-bot-help-title-commands",
    "Arguments:": "capacitybuilding-bot-help-title-arguments",
    "Global Options:": "capacitybuilding-bot-help-title-global-options"
  };
  return {
    styleTitle: (title) => titles[title] ? messages.text(titles[title]) : title,
    optionDescription: (option2) => option2.description
  };
}
function buildProgram(io, run) {
  const operator = operatorMessages(io);
  const t = (key, ...params) => operator.text(key, ...params);
  const exitCodes = `
${exitCodesHelp(operator)}`;
  const program = new TranslatedCommand("capacity-bot", operator).description(t("capacitybuilding-bot-help-program")).version(VERSION, "-V, --version", t("capacitybuilding-bot-help-option-version")).helpOption("-h, --help", t("capacitybuilding-bot-help-option-help")).helpCommand("help [command]", t("capacitybuilding-bot-help-command-help")).configureHelp(translatedHelp(operator)).addOption(new import_commander7.Option("--api <url>", t("capacitybuilding-bot-help-option-api"))).addOption(new import_commander7.Option("--config <file>", t("capacitybuilding-bot-help-option-config"))).addOption(new import_commander7.Option("--db <url>", t("capacitybuilding-bot-help-option-db"))).addOption(new import_commander7.Option("--base <page>", t("capacitybuilding-bot-help-option-base", DEFAULT_BASE_PAGE))).addOption(new import_commander7.Option("--contact <text>", t("capacitybuilding-bot-help-option-contact"))).addOption(new import_commander7.Option("--dry-run", t("capacitybuilding-bot-help-option-dry-run"))).addOption(new import_commander7.Option("--verbose", t("capacitybuilding-bot-help-option-verbose")).conflicts("quiet")).addOption(new import_commander7.Option("--quiet", t("capacitybuilding-bot-help-option-quiet"))).addOption(new import_commander7.Option("--json", t("capacitybuilding-bot-help-option-json"))).addHelpText("after", `
${t("capacitybuilding-bot-help-credentials")}
${exitCodes}`).showHelpAfterError().exitOverride();
  if (io.write) {
    const write = io.write;
    program.configureOutput({ writeOut: (s) => write(s.trimEnd()), writeErr: (s) => write(s.trimEnd()) });
  }
  const kit = {
    operator,
    t,
    run,
    command: (name, description, after) => program.command(name).description(t(description)).helpOption("-h, --help", t("capacitybuilding-bot-help-option-help")).configureHelp(translatedHelp(operator)).addHelpText("after", after ? `
${t(after)}
${exitCodes}` : exitCodes),
    context: (command) => {
      run.context = new BotContext(command.optsWithGlobals(), io, operator);
      return run.context;
    }
  };
  for (const declare of COMMANDS) {
    declare(kit);
  }
  return program;
}
async function main(argv, io = { env: process.env }) {
  const run = { code: EXIT.ok, context: null };
  const program = buildProgram(io, run);
  try {
    await program.parseAsync(argv, { from: "user" });
    return run.code;
  } catch (error) {
    if (error instanceof import_commander7.CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    return exitCodeFor(error, run.context?.logger ?? null, run.context?.messages ?? operatorMessages(io));
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main
});
