package dev.natconsole.cost.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.natconsole.cost.Price;
import dev.natconsole.cost.PriceItems;
import dev.natconsole.topology.InstanceType;
import dev.natconsole.topology.InstanceTypes;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;

/**
 * Asks the AWS Price List Query API (pricing:GetProducts, through the SDK's paginator) for the figures of one
 * region: the on-demand Linux price of every instance type the wizard offers, the NAT Gateway's hourly and
 * per-GB prices and gp3 storage. Public IPv4 and inter-AZ figures are the same in every region and stay bundled.
 */
@Component
public class PriceListRefresher {

    /** What one refresh found: the prices, and for each item it could not price, why. */
    public record Outcome(List<Price> prices, List<String> missing) {
    }

    public Outcome fetch(PricingClient pricing, String region) {
        String prefix = PriceList.usagePrefix(region)
                .orElseThrow(() -> new IllegalArgumentException("no usage-type prefix known for " + region));
        List<Price> prices = new ArrayList<>();
        List<String> missing = new ArrayList<>();

        List<PriceList.Product> natGateway = products(pricing,
                filter("productFamily", "NAT Gateway"), filter("regionCode", region));
        take(PriceList.select(natGateway, PriceItems.NAT_GATEWAY_HOUR, prefix + "NatGateway-Hours", "Hrs",
                "USD per NAT Gateway-hour"), PriceItems.NAT_GATEWAY_HOUR, prices, missing);
        take(PriceList.select(natGateway, PriceItems.NAT_GATEWAY_GB, prefix + "NatGateway-Bytes", "GB",
                "USD per GB processed"), PriceItems.NAT_GATEWAY_GB, prices, missing);

        List<PriceList.Product> gp3 = products(pricing, filter("productFamily", "Storage"),
                filter("regionCode", region), filter("volumeApiName", "gp3"));
        take(PriceList.select(gp3, PriceItems.GP3_GB_MONTH, prefix + "EBS:VolumeUsage.gp3", "GB-Mo",
                "USD per GB-month (gp3 storage)"), PriceItems.GP3_GB_MONTH, prices, missing);

        for (InstanceType type : InstanceTypes.all()) {
            List<PriceList.Product> instances = products(pricing, filter("regionCode", region),
                    filter("instanceType", type.name()), filter("operatingSystem", "Linux"),
                    filter("tenancy", "Shared"), filter("preInstalledSw", "NA"), filter("capacitystatus", "Used"),
                    filter("marketoption", "OnDemand"));
            String item = PriceItems.ec2Hour(type.name());
            take(PriceList.select(instances, item, prefix + "BoxUsage:" + type.name(), "Hrs",
                    "USD per instance-hour (Linux, on-demand, shared tenancy)"), item, prices, missing);
        }
        return new Outcome(List.copyOf(prices), List.copyOf(missing));
    }

    private static void take(PriceList.Selection selection, String item, List<Price> prices, List<String> missing) {
        selection.price().ifPresentOrElse(prices::add, () -> missing.add(item + ": " + selection.problem()));
    }

    private static List<PriceList.Product> products(PricingClient pricing, Filter... filters) {
        GetProductsRequest request = GetProductsRequest.builder()
                .serviceCode("AmazonEC2")
                .formatVersion("aws_v1")
                .filters(filters)
                .build();
        List<String> documents = new ArrayList<>();
        pricing.getProductsPaginator(request).forEach(page -> documents.addAll(page.priceList()));
        return PriceList.parseAll(documents);
    }

    private static Filter filter(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }
}
