<?php
/**
 * Settings of the development wiki, on top of what MediaWiki's installer wrote.
 * Loaded by the LocalSettings.php that scripts/lib/devwiki.ts generates; edit here, not there.
 */

if ( !defined( 'MEDIAWIKI' ) ) {
	exit;
}

// Extensions that Meta-Wiki runs and this project builds on (Cite for <ref>, which pages use).
// DiscussionTools needs VisualEditor and Linter.
wfLoadExtensions( [
	'Gadgets',
	'Echo',
	'DiscussionTools',
	'VisualEditor',
	'Linter',
	'ParserFunctions',
	'TemplateData',
	'Scribunto',
	'Cite',
	// Abuse filters and captchas: the forms must explain them (tests create their own filters).
	'AbuseFilter',
	'ConfirmEdit',
	'ConfirmEdit/QuestyCaptcha',
] );
$wgScribuntoDefaultEngine = 'luasandbox';

// $capacityDevWikiMode is set by the generated LocalSettings.php: "extension" loads this working
// tree (through the symlink extensions/CapacityBuilding) as the extension; "gadgets" does not, and
// the bot's setup and deploy install the tools as gadgets, as on Meta-Wiki.
if ( ( $capacityDevWikiMode ?? 'extension' ) === 'extension' ) {
	wfLoadExtension( 'CapacityBuilding' );
	$wgSitename = 'CapacityBuilding development wiki';
	// Tests may add a translation here (a real language i18n/ lacks), read like the extension's own.
	$wgMessagesDirs['CapacityBuildingTestTranslations'] = "$capacityDevWikiState/test-i18n";
} else {
	$wgSitename = 'CapacityBuilding development wiki (gadgets)';
}
$wgMetaNamespace = 'Project';
$wgEnableBotPasswords = true;
$wgShowExceptionDetails = true;
// $capacityDevWikiState is set by the generated LocalSettings.php: the git-ignored state folder.
$wgCacheDirectory = "$capacityDevWikiState/cache";
$wgDebugLogGroups = [
	'exception' => "$capacityDevWikiState/exception.log",
	'error' => "$capacityDevWikiState/exception.log",
];

// Captchas only for accounts in the "captcha-tester" group, so that tests can meet one on purpose
// while every other account (and test) never does.
$wgGroupPermissions['*']['skipcaptcha'] = true;
$wgGroupPermissions['captcha-tester']['read'] = true;
$wgRevokePermissions['captcha-tester']['skipcaptcha'] = true;
$wgCaptchaTriggers['edit'] = true;
$wgCaptchaTriggers['create'] = true;
$wgCaptchaClass = 'QuestyCaptcha';
$wgCaptchaQuestions = [ 'Type the word "capacity" to show you are not a robot.' => 'capacity' ];

// As on Meta-Wiki: request pages (in the main namespace) are discussion pages. Signatures belong
// there, so DiscussionTools works on them (reply and new topic tools, topic subscriptions, "new topics
// on this page" subscriptions), and a signed post that links to a user page notifies that user
// (Echo's mentions). The bot's status updates rely on both. The bot account is in the bot group
// (scripts/lib/devwiki.ts creates it with --bot), as a flagged bot on Meta-Wiki is.
$wgExtraSignatureNamespaces = [ NS_MAIN ];

// Run queued jobs (link tables, notifications) right away so tests see their effects.
$wgJobRunRate = 1;

// Debian ships extension.json's validator without two libraries it needs; they come from
// Debian's php-composer-spdx-licenses and jsonlint packages.
foreach ( [
	'/usr/share/php/Composer/Spdx/autoload.php',
	'/usr/share/php/Seld/JsonLint/autoload.php',
] as $autoloader ) {
	if ( is_readable( $autoloader ) ) {
		require_once $autoloader;
	}
}

// Tests may run maintenance scripts on a copy of this wiki's database, named by the environment
// (tests/integration/pages-import.test.ts imports the pages dump there, not here). Its jobs stay in
// memory, away from this wiki's job queue.
$capacityDatabaseCopy = getenv( 'CAPACITY_DEVWIKI_DATABASE_COPY' );
if ( is_string( $capacityDatabaseCopy ) && preg_match( '/^devwiki_copy_[a-z0-9]+$/', $capacityDatabaseCopy ) ) {
	$wgDBname = $capacityDatabaseCopy;
	$wgJobTypeConf['default'] = [ 'class' => 'JobQueueMemory', 'order' => 'fifo' ];
}
