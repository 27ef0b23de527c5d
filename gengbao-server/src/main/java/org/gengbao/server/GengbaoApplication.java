package org.gengbao.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring application; started by {@link Gengbao} ({@code gengbao serve} or a command that needs the database). */
@SpringBootApplication
@org.springframework.modulith.Modulithic(sharedModules = {"storage", "web"})
@EnableScheduling
@ConfigurationPropertiesScan
public class GengbaoApplication {}
