/** The engine's meters (Micrometer), scraped in Prometheus form by {@code serve}. */
package org.smartphone.payroll.metrics;
