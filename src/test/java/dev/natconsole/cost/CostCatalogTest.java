package dev.natconsole.cost;

import static dev.natconsole.cost.CostFixtures.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.natconsole.topology.InstanceType;
import dev.natconsole.topology.InstanceTypes;

/** The bundled catalog: complete, sourced and dated, and unknown where DOMAIN.md has no trustworthy figure. */
class CostCatalogTest {

    @Test
    void coversTheIssuesRegionsWithEveryItemAndEveryOfferedInstanceType() {
        assertThat(CATALOG.regions()).contains("us-east-1", "us-west-2", "eu-west-1", "eu-central-1",
                "ap-northeast-1", "ap-southeast-1");
        assertThat(PriceItems.all()).contains(PriceItems.ec2Hour("t4g.nano"), PriceItems.ec2Hour("t4g.micro"),
                PriceItems.ec2Hour("t4g.small"), PriceItems.ec2Hour("t3.nano"), PriceItems.ec2Hour("t3.micro"),
                PriceItems.ec2Hour("t3.small"), PriceItems.ec2Hour("t3a.nano"), PriceItems.ec2Hour("t3a.micro"),
                PriceItems.ec2Hour("c6gn.medium"), PriceItems.ec2Hour("c7gn.medium"));
        for (String region : CATALOG.regions()) {
            PriceSheet sheet = CATALOG.sheet(region);
            for (String item : PriceItems.all()) {
                // Present in the file, known or explicitly unknown, never missing.
                assertThat(sheet.prices()).as(region + " " + item).containsKey(item);
                Price price = sheet.get(item);
                assertThat(price.source()).as(region + " " + item).isNotBlank();
                assertThat(price.unit()).as(region + " " + item).isNotBlank();
                assertThat(price.effectiveDate()).as(region + " " + item).isNotNull();
                if (price.known()) {
                    assertThat(price.usd()).as(region + " " + item).isPositive();
                }
            }
        }
    }

    @Test
    void unverifiedFiguresAreUnknownNotGuessed() {
        assertThat(CATALOG.sheet("eu-central-1").get(PriceItems.NAT_GATEWAY_HOUR).known()).isFalse();
        assertThat(CATALOG.sheet("eu-central-1").get(PriceItems.NAT_GATEWAY_GB).known()).isFalse();
        for (String region : new String[] { "us-west-2", "eu-west-1", "eu-central-1" }) {
            assertThat(CATALOG.sheet(region).get(PriceItems.GP3_GB_MONTH).known()).as(region).isFalse();
        }
        assertThat(CATALOG.sheet("ap-northeast-1").get(PriceItems.ec2Hour("c7gn.medium")).known()).isFalse();
    }

    @Test
    void everyRegionSharesTheDocumentedAddressAndInterAzFigures() {
        for (String region : CATALOG.regions()) {
            Price ipv4 = CATALOG.sheet(region).get(PriceItems.PUBLIC_IPV4_HOUR);
            assertThat(ipv4.usd()).isEqualByComparingTo("0.005");
            assertThat(ipv4.effectiveDate()).hasToString("2024-02-01");
            assertThat(CATALOG.sheet(region).get(PriceItems.INTER_AZ_GB).usd()).isEqualByComparingTo("0.01");
        }
        assertThat(CATALOG.sheet("us-east-1").hoursPerMonth()).isEqualByComparingTo("730");
        assertThat(CATALOG.sheet("us-east-1").rootVolumeGib()).isEqualByComparingTo("8");
    }

    @Test
    void theNatGatewayChargesMoreThanInterAzPerGbEverywhereItIsKnown() {
        // The property tests' monotonicity rests on this: a GB through a NAT Gateway costs more than a GB crossing
        // AZs both ways to a shared instance.
        for (String region : CATALOG.regions()) {
            Price perGb = CATALOG.sheet(region).get(PriceItems.NAT_GATEWAY_GB);
            if (perGb.known()) {
                assertThat(perGb.usd()).isGreaterThan(
                        CATALOG.sheet(region).get(PriceItems.INTER_AZ_GB).usd().multiply(BigDecimal.valueOf(2)));
            }
        }
        assertThat(InstanceTypes.all()).extracting(InstanceType::name).hasSize(PriceItems.all().size() - 5);
    }
}
