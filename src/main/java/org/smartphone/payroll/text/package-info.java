/**
 * Text the engine shows to people, below every other package so that any of them may use it:
 * control and format characters from inputs escaped on terminals and in the log.
 */
package org.smartphone.payroll.text;
