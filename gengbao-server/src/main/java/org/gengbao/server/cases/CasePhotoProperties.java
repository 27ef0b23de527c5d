package org.gengbao.server.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Photos uploaded for a case under {@code gengbao.cases.photos.*}.
 *
 * @param maxBytes size limit of one photo
 */
@ConfigurationProperties("gengbao.cases.photos")
record CasePhotoProperties(@DefaultValue("20971520") long maxBytes) {}
