package dev.natconsole.cost;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.natconsole.cost.internal.RefreshedPrices;
import dev.natconsole.testing.ConsoleIntegrationTest;
import dev.natconsole.testing.MotoServer;

@ConsoleIntegrationTest
class CostApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RefreshedPrices refreshed;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetRefreshedPrices() {
        jdbc.sql("delete from cost_price").update();
    }

    private static String body(String region, String instanceType, String layout, int zones, String traffic) {
        StringBuilder azs = new StringBuilder();
        for (int i = 0; i < zones; i++) {
            azs.append(i == 0 ? "" : ",").append("{\"name\":\"").append(region).append((char) ('a' + i)).append("\"}");
        }
        return "{\"region\":\"" + region + "\",\"availabilityZones\":[" + azs + "],\"natLayout\":\"" + layout
                + "\",\"nat\":{\"instanceType\":\"" + instanceType + "\"}" + traffic + "}";
    }

    @Test
    void estimatesASpecWithFckNatsFiguresAndTheDefaultSecondCurrency() throws Exception {
        mvc.perform(post("/api/cost/estimate").contentType(MediaType.APPLICATION_JSON)
                .content(body("us-east-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 1, ",\"trafficGb\":0")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value("us-east-1"))
                .andExpect(jsonPath("$.natGateways.lines[?(@.item=='natGateway.hour')].amountUsd").value(hasItem(
                        closeTo(32.85, 0.0001))))
                .andExpect(jsonPath("$.natInstances.lines[?(@.item=='ec2.t4g.nano.hour')].amountUsd").value(hasItem(
                        closeTo(3.07, 0.01))))
                .andExpect(jsonPath("$.natInstances.lines[0].source").value(containsString("DOMAIN.md")))
                .andExpect(jsonPath("$.natInstances.lines[0].effectiveDate").value("2026-11-29"))
                .andExpect(jsonPath("$.secondCurrency.code").value("JPY"))
                .andExpect(jsonPath("$.secondCurrency.perUsd").value(150))
                .andExpect(jsonPath("$.breakEvenGb").value(nullValue()))
                .andExpect(jsonPath("$.unknownLines").isEmpty());
    }

    @Test
    void theWizardsWholeFormCanBePosted() throws Exception {
        mvc.perform(post("/api/cost/estimate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"region\":\"ap-northeast-1\",\"vpcCidr\":\"172.16.0.0/16\","
                        + "\"availabilityZones\":[{\"name\":\"ap-northeast-1a\",\"publicSubnetCidr\":\"172.16.0.0/24\"}],"
                        + "\"nat\":{\"instanceType\":\"t3.micro\",\"image\":\"AMAZON_LINUX_2023\"},"
                        + "\"options\":{\"flowLogs\":true},\"trafficGb\":10}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.natInstances.layout").value("NAT_INSTANCE_PER_AZ"));
    }

    @Test
    void secondCurrencyCanBeChosenPerRequest() throws Exception {
        mvc.perform(post("/api/cost/estimate").param("currency", "eur").param("rate", "0.9")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("ap-northeast-1", "t3.micro", "NAT_INSTANCE_PER_AZ", 1, "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secondCurrency.code").value("EUR"))
                .andExpect(jsonPath("$.natGateways.totalSecond").isNumber());
    }

    @Test
    void unknownPricesAreNamedAndTotalsLeftOut() throws Exception {
        mvc.perform(post("/api/cost/estimate").contentType(MediaType.APPLICATION_JSON)
                .content(body("eu-central-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 2, ",\"trafficGb\":500")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.natGateways.totalUsd").value(nullValue()))
                .andExpect(jsonPath("$.natGateways.unknownLines").value(hasItem("NAT Gateway x 2")))
                .andExpect(jsonPath("$.unknownLines").value(hasItem("NAT Gateways: NAT Gateway data processing")))
                .andExpect(jsonPath("$.savingsUsd").value(nullValue()))
                .andExpect(jsonPath("$.caveats[?(@.kind=='UNKNOWN_PRICE')]").isNotEmpty());
    }

    @Test
    void badInputNamesTheField() throws Exception {
        expectBadField(body("us-east-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 1, ",\"trafficGb\":-1"), "trafficGb");
        expectBadField(body("mars-east-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 1, ",\"trafficGb\":1"), "region");
        expectBadField(body("us-east-1", "m5.large", "NAT_INSTANCE_PER_AZ", 1, ",\"trafficGb\":1"),
                "nat.instanceType");
        expectBadField(body("us-east-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 0, ",\"trafficGb\":1"),
                "availabilityZones");
        expectBadField(body("us-east-1", "t4g.nano", "SHARED_NAT_INSTANCE", 2,
                ",\"trafficGbPerAz\":{\"us-east-1a\":5,\"us-east-1b\":-5}"), "trafficGbPerAz.us-east-1b");
        expectBadField(body("us-east-1", "t4g.nano", "SHARED_NAT_INSTANCE", 2,
                ",\"trafficGbPerAz\":{\"us-east-1z\":5}"), "trafficGbPerAz.us-east-1z");
        expectBadField(body("us-east-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 1, ",\"trafficGb\":\"lots\""),
                "trafficGb");
        mvc.perform(post("/api/cost/estimate").param("currency", "XYZQ").contentType(MediaType.APPLICATION_JSON)
                .content(body("us-east-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 1, "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
    }

    private void expectBadField(String body, String field) throws Exception {
        mvc.perform(post("/api/cost/estimate").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    @Test
    void catalogListsRegionsWithSourcesAndUnknowns() throws Exception {
        mvc.perform(get("/api/cost/catalog"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regions").value(hasItem("ap-northeast-1")))
                .andExpect(jsonPath("$.sheets[?(@.region=='eu-central-1')].prices['natGateway.hour'].usd")
                        .value(hasItem(nullValue())))
                .andExpect(jsonPath("$.sheets[?(@.region=='us-east-1')].prices['publicIpv4.hour'].effectiveDate")
                        .value(hasItem("2024-02-01")));
        mvc.perform(get("/api/cost/catalog").param("region", "nowhere-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
    }

    @Test
    void refreshedPricesOverrideTheBundledOnesItemByItem() throws Exception {
        refreshed.store("eu-central-1", List.of(new Price(PriceItems.NAT_GATEWAY_HOUR, new BigDecimal("0.052"),
                "USD per NAT Gateway-hour", "AWS Price List API, usage type EUC1-NatGateway-Hours, SKU TEST",
                LocalDate.of(2026, 11, 1), PriceOrigin.REFRESHED)), Instant.parse("2026-11-29T12:00:00Z"));

        mvc.perform(get("/api/cost/catalog").param("region", "eu-central-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sheets[0].prices['natGateway.hour'].usd").value(0.052))
                .andExpect(jsonPath("$.sheets[0].prices['natGateway.hour'].origin").value("REFRESHED"))
                .andExpect(jsonPath("$.sheets[0].prices['natGateway.hour'].effectiveDate").value("2026-11-01"))
                .andExpect(jsonPath("$.sheets[0].prices['natGateway.hour'].source")
                        .value(containsString("refreshed 2026-11-29T12:00:00Z")))
                .andExpect(jsonPath("$.sheets[0].prices['natGateway.gb'].origin").value("BUNDLED"));
        mvc.perform(post("/api/cost/estimate").contentType(MediaType.APPLICATION_JSON)
                .content(body("eu-central-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 1, "")))
                .andExpect(jsonPath("$.natGateways.lines[0].amountUsd").value(closeTo(37.96, 0.0001)))
                .andExpect(jsonPath("$.natGateways.lines[0].origin").value("REFRESHED"))
                .andExpect(jsonPath("$.natGateways.unknownLines").value(hasItem("NAT Gateway data processing")));
    }

    @Test
    void refreshAgainstAnEmulatorWithoutPricingIsABadGateway(MotoServer moto) throws Exception {
        MvcResult target = mvc.perform(post("/api/targets").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"cost-moto\",\"kind\":\"EMULATOR\",\"endpointUrl\":\"" + moto.endpoint()
                        + "\",\"defaultRegion\":\"ap-northeast-1\"}"))
                .andExpect(status().isCreated()).andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(target.getResponse().getContentAsString(), "$.id").toString();

        mvc.perform(post("/api/cost/catalog/refresh").param("targetId", id).param("region", "ap-northeast-1"))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.title").value("Price List API unavailable"));
        mvc.perform(post("/api/cost/catalog/refresh").param("targetId", id).param("region", "sa-east-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
        mvc.perform(post("/api/cost/catalog/refresh").param("targetId", "987654").param("region", "us-east-1"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/cost/catalog").param("region", "ap-northeast-1"))
                .andExpect(jsonPath("$.sheets[0].prices['natGateway.hour'].origin").value("BUNDLED"));
    }

    @Test
    void storedTopologyHasAnEstimateAndAChart() throws Exception {
        MvcResult created = mvc.perform(post("/api/topologies").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"cost-api-seed\",\"region\":\"ap-northeast-1\",\"availabilityZones\":"
                        + "[{\"name\":\"ap-northeast-1a\"},{\"name\":\"ap-northeast-1c\"}],"
                        + "\"natLayout\":\"SHARED_NAT_INSTANCE\",\"nat\":{\"instanceType\":\"t3.micro\","
                        + "\"sshOpenToWorldConfirmed\":false}}"))
                .andExpect(status().isCreated()).andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id").toString();

        mvc.perform(get("/api/topologies/{id}/cost", id).param("gb", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.availabilityZones").value(2))
                .andExpect(jsonPath("$.natInstances.units").value(1))
                .andExpect(jsonPath("$.natInstances.lines[?(@.item=='interAz.gb')].quantity").value(hasItem(100)))
                .andExpect(jsonPath("$.natGateways.units").value(2));
        mvc.perform(get("/api/topologies/{id}/cost/chart.svg", id).param("gb", "100"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andExpect(content().string(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\"")))
                .andExpect(content().string(containsString("series nat-gateways")));
        mvc.perform(get("/api/topologies/{id}/cost", id).param("gb", "-3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gb"));
        mvc.perform(get("/api/topologies/{id}/cost/chart.svg", id).param("maxGb", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxGb"));
        mvc.perform(get("/api/topologies/{id}/cost", 999_999))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/cost/estimate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"topologyId\":" + id + ",\"trafficGb\":100}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.natInstances.layout").value("SHARED_NAT_INSTANCE"));
    }

    @Test
    void chartOfAPostedSpecIsSvg() throws Exception {
        mvc.perform(post("/api/cost/chart").param("maxGb", "5000").contentType(MediaType.APPLICATION_JSON)
                .content(body("us-east-1", "t4g.nano", "NAT_INSTANCE_PER_AZ", 1, ",\"trafficGb\":200")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andExpect(content().string(containsString("expected 200 GB")));
    }
}
