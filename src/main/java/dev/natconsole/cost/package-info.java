/**
 * Cost: what a topology's NAT costs a month as NAT instances against NAT Gateways, per region, with the
 * break-even traffic and the amounts in a second currency.
 * <ul>
 * <li>{@link dev.natconsole.cost.CostEstimator}: {@code estimate(TopologySpec, Traffic)} and
 * {@code estimate(long topologyId, Traffic)}, each also with a {@link dev.natconsole.cost.SecondCurrency};
 * bad input is an {@code InvalidInputException} naming the wizard's fields.</li>
 * <li>{@link dev.natconsole.cost.CostEstimate}: both {@link dev.natconsole.cost.CostSide}s with their
 * {@link dev.natconsole.cost.CostLine}s; totals, savings and break-even are null where a price is unknown, and
 * {@code unknownLines} says which.</li>
 * <li>{@link dev.natconsole.cost.CostChart}: the SVG of cost against traffic, to inline in a page.</li>
 * <li>{@link dev.natconsole.cost.PriceCatalog}: the bundled catalog ({@code pricing/catalog.json}) with prices
 * refreshed from the AWS Price List API over it.</li>
 * </ul>
 * The arithmetic lives in {@code internal.CostModel}, a plain class; controllers are in {@code internal}.
 */
package dev.natconsole.cost;
