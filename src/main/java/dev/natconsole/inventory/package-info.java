/**
 * Inventory: every NAT path in the registered targets, including those the console did not create, with health
 * checks and drift.
 * <p>
 * API: {@link dev.natconsole.inventory.Inventory} (scans, lists, checks, drift) and the records it returns
 * ({@link dev.natconsole.inventory.NatInstance}, {@link dev.natconsole.inventory.NatGateway},
 * {@link dev.natconsole.inventory.Finding}, {@link dev.natconsole.inventory.ScanStatus},
 * {@link dev.natconsole.inventory.DriftReport}). REST under {@code /api/nat-instances}, {@code /api/nat-gateways},
 * {@code /api/inventory/*} and {@code /api/topologies/{id}/drift}.
 * <p>
 * Inside ({@code internal}): {@code Discovery} reads a region with a fixed set of paginated, filtered describe
 * calls into a plain {@code Network}; {@code NatPaths} finds the NATs in it; {@code Checks} are plain classes over
 * that model; {@code DriftCheck} compares a topology's plan with it by the {@code natconsole:*} tags;
 * {@code InventoryScanner} runs scans concurrently and caches the results in memory.
 */
package dev.natconsole.inventory;
