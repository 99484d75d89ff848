package dev.natconsole;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class NatConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(NatConsoleApplication.class, args);
    }
}
