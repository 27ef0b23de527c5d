package org.gengbao.server.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the two browser apps built by gengbao-web (in {@code static/} on the classpath): the console at {@code /}
 * and the patrol phone app at {@code /m/}. Vite names its scripts and styles by content hash, so {@code /assets/**}
 * may be cached for a year; the HTML pages and the service worker are revalidated on every load so that a new
 * version reaches the phones ({@code spring.web.resources.cache.cachecontrol.no-cache} does the same for the console's
 * page at the root).
 */
@Configuration
class WebApps implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/m", "/m/");
        registry.addViewController("/m/").setViewName("forward:/m/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/m/**")
                .addResourceLocations("classpath:/static/m/")
                .setCacheControl(CacheControl.noCache());
    }
}
