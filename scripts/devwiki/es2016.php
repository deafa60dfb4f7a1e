<?php
/**
 * Parses JavaScript files the way MediaWiki 1.43's ResourceLoader parses wiki pages, gadgets
 * included (Module::validateScriptFile: Peast, ECMAScript 2016), and prints one JSON line per file:
 * {"file": …, "error": null | "… on line N"}. A gadget that fails this is replaced by an error
 * message when ResourceLoader serves it.
 *
 * Usage: php es2016.php <mediawiki folder> <file>…
 */

require $argv[1] . '/vendor/autoload.php';

foreach ( array_slice( $argv, 2 ) as $file ) {
	$error = null;
	try {
		Peast\Peast::ES2016( file_get_contents( $file ) )->parse();
	} catch ( Peast\Syntax\Exception $e ) {
		$error = $e->getMessage() . ' on line ' . $e->getPosition()->getLine();
	}
	echo json_encode( [ 'file' => $file, 'error' => $error ] ) . "\n";
}
