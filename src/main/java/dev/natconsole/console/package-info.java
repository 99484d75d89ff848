/**
 * The browser console: dashboard, target pages, the topology wizard and the run pages. It only renders and
 * routes; the rules live in the feature modules it calls.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console UI")
package dev.natconsole.console;
