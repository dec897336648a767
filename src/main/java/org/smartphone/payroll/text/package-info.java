/**
 * Text the engine shows to people, below every other package so that any of them may use it:
 * control and format characters from inputs escaped on terminals and in the log, amounts in francs
 * grouped by threes, counts with their noun in the singular or the plural, moments to the second.
 */
package org.smartphone.payroll.text;
