/**
 * Geometry of the statistics charts, in pixels of the chart's own width (the SVG is drawn at the
 * width it is shown at, so text stays readable on a 360 px screen instead of being scaled down).
 *
 * Right-to-left: everything is laid out left-to-right and then mirrored (x → width − x), so labels
 * sit on the right and bars and the time axis grow leftwards. Text anchors need no change: in SVG
 * `text-anchor` follows the text's direction, so a label anchored `end` at the mirrored point ends
 * just before its bar in both directions.
 */

export interface BarDatum {
	key: string;
	label: string;
	value: number;
	/** A bar known only as a range (suppressed feedback): drawn to `high`, marked as uncertain. */
	high?: number;
}

export interface Bar extends BarDatum {
	/** Top of the row. */
	y: number;
	height: number;
	barX: number;
	barWidth: number;
	/** Where the label ends (anchor `end`), and where the value starts (anchor `start`). */
	labelX: number;
	valueX: number;
	/** The label as drawn (cut to fit); the full label is the bar's title and in the table. */
	shownLabel: string;
}

export interface BarLayout {
	width: number;
	height: number;
	bars: Bar[];
	/** The bars' base line (the zero of the axis). */
	axisX: number;
}

export const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
const GAP = 8;
const VALUE_SPACE = 56;
/** Average width of a character at the charts' font size, to cut labels that would not fit. */
const CHAR_WIDTH = 7;

/** x mirrored for right-to-left. */
export function mirror( x: number, width: number, rtl: boolean ): number {
	return rtl ? width - x : x;
}

/** A label cut to at most `max` characters (code points), with an ellipsis when cut. */
export function fitLabel( label: string, max: number ): string {
	const points = [ ...label ];
	return points.length <= max ? label : `${ points.slice( 0, Math.max( 1, max - 1 ) ).join( '' ) }…`;
}

/**
 * Horizontal bars, one row each: label, bar, value.
 *
 * @param data The bars, in the order shown
 * @param width Width of the chart
 * @param rtl Right-to-left
 */
export function horizontalBars( data: readonly BarDatum[], width: number, rtl: boolean ): BarLayout {
	const labelWidth = Math.round( Math.min( width * 0.4, 220 ) );
	const start = labelWidth + GAP;
	const room = Math.max( 0, width - start - VALUE_SPACE );
	const max = Math.max( 0, ...data.map( ( d ) => d.high ?? d.value ) );
	const maxChars = Math.max( 3, Math.floor( labelWidth / CHAR_WIDTH ) );
	const bars = data.map( ( datum, i ): Bar => {
		const length = max > 0 ? Math.round( room * ( datum.high ?? datum.value ) / max ) : 0;
		const y = i * ROW_HEIGHT;
		return {
			...datum,
			y,
			height: BAR_HEIGHT,
			barX: rtl ? width - start - length : start,
			barWidth: length,
			labelX: mirror( labelWidth, width, rtl ),
			valueX: mirror( start + length + 4, width, rtl ),
			shownLabel: fitLabel( datum.label, maxChars ),
		};
	} );
	const height = Math.max( ROW_HEIGHT, data.length * ROW_HEIGHT );
	return { width, height, bars, axisX: mirror( start, width, rtl ) };
}

export interface Column {
	key: string;
	label: string;
	/** Parts stacked from the axis up, in order. */
	parts: { key: string; value: number }[];
}

export interface PlacedColumn {
	key: string;
	label: string;
	total: number;
	x: number;
	width: number;
	/** The middle of the column, where its label goes; null when its label is left out to make room. */
	labelX: number | null;
	segments: { key: string; value: number; y: number; height: number }[];
}

export interface ColumnLayout {
	width: number;
	height: number;
	/** The plot's bottom (the axis) and top. */
	axisY: number;
	topY: number;
	/** Where the value axis is and its ticks: value, height, where the tick label ends. */
	axisX: number;
	ticks: { value: number; y: number; labelX: number }[];
	columns: PlacedColumn[];
}

const AXIS_SPACE = 40;
const LABEL_SPACE = 24;
const MIN_LABEL_DISTANCE = 64;

/** A round step for about three ticks up to `max` (1, 2 or 5 times a power of ten). */
export function tickStep( max: number ): number {
	if ( max <= 0 ) {
		return 1;
	}
	const rough = max / 3;
	const power = 10 ** Math.floor( Math.log10( rough ) );
	const step = [ 1, 2, 5, 10 ].map( ( f ) => f * power ).find( ( s ) => s >= rough ) as number;
	return Math.max( 1, step );
}

/**
 * Stacked columns along a time axis (oldest first in reading order).
 *
 * @param data The columns
 * @param width Width of the chart
 * @param height Height of the chart
 * @param rtl Right-to-left
 */
export function stackedColumns( data: readonly Column[], width: number, height: number, rtl: boolean ): ColumnLayout {
	const axisY = height - LABEL_SPACE;
	const topY = 8;
	const plot = Math.max( 0, width - AXIS_SPACE - GAP );
	const band = data.length ? plot / data.length : plot;
	const totals = data.map( ( c ) => c.parts.reduce( ( sum, p ) => sum + p.value, 0 ) );
	const step = tickStep( Math.max( 0, ...totals ) );
	const top = Math.max( step, Math.ceil( Math.max( 0, ...totals ) / step ) * step );
	const scale = ( value: number ): number => ( axisY - topY ) * value / top;
	// Label every n-th column so that labels never overlap.
	const every = Math.max( 1, Math.ceil( MIN_LABEL_DISTANCE / Math.max( band, 1 ) ) );
	const columns = data.map( ( column, i ): PlacedColumn => {
		const barWidth = Math.max( 2, band * 0.7 );
		const left = AXIS_SPACE + i * band + ( band - barWidth ) / 2;
		let y = axisY;
		const segments = column.parts.filter( ( p ) => p.value > 0 ).map( ( part ) => {
			const h = scale( part.value );
			y -= h;
			return { key: part.key, value: part.value, y, height: h };
		} );
		return {
			key: column.key, label: column.label, total: totals[ i ] as number,
			x: rtl ? width - left - barWidth : left, width: barWidth,
			labelX: i % every === 0 ? mirror( left + barWidth / 2, width, rtl ) : null,
			segments,
		};
	} );
	const ticks = [];
	for ( let value = 0; value <= top; value += step ) {
		ticks.push( { value, y: axisY - scale( value ), labelX: mirror( AXIS_SPACE - 6, width, rtl ) } );
	}
	return { width, height, axisY, topY, axisX: mirror( AXIS_SPACE, width, rtl ), ticks, columns };
}
