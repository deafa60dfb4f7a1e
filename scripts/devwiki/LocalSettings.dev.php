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

// E-mail works, but never leaves the machine: every message MediaWiki sends (user to user, password
// resets, notifications) is written as one JSON file into "$capacityDevWikiState/mail" and not sent
// (the AlternateUserMailer hook returning false tells MediaWiki the message is handled). Addresses
// count as confirmed without a confirmation mail, so tests can give an account an address and use it.
$wgEnableEmail = true;
$wgEnableUserEmail = true;
$wgEmailAuthentication = false;
$wgEmergencyContact = 'devwiki@example.invalid';
$wgPasswordSender = 'devwiki@example.invalid';
$wgHooks['AlternateUserMailer'][] = static function ( $headers, $to, $from, $subject, $body ) use ( $capacityDevWikiState ) {
	$folder = "$capacityDevWikiState/mail";
	if ( !is_dir( $folder ) ) {
		mkdir( $folder, 0700, true );
	}
	$message = [
		'to' => array_map( static fn ( $address ) => [ 'address' => $address->address, 'name' => $address->name ], $to ),
		'from' => [ 'address' => $from->address, 'name' => $from->name ],
		'subject' => $subject,
		'headers' => $headers,
		'body' => $body,
	];
	$name = sprintf( '%s-%s.json', gmdate( 'Ymd\THis' ), bin2hex( random_bytes( 6 ) ) );
	file_put_contents( "$folder/$name.part", json_encode( $message, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ) );
	// Renamed into place, so a reader never sees half a message.
	rename( "$folder/$name.part", "$folder/$name" );
	return false;
};

// Run queued jobs (link tables, notifications) right away so tests see their effects.
$wgJobRunRate = 1;

// Caches. APCu (a Debian package `npm test` and `npm start` install) is the local-server cache:
// ResourceLoader keeps minified modules and file hashes there instead of redoing them on every
// request. Everything shared between requests stays in the database, whatever the installer
// chose when it found APCu: with APCu as the main cache (the installer's choice) a bot was logged
// out in the middle of a test, as APCu drops entries, sessions among them, when its memory fills.
$wgMainCacheType = CACHE_NONE;
$wgSessionCacheType = CACHE_DB;

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
