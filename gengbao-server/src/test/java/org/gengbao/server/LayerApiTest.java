package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gengbao.server.accounts.Role;
import org.gengbao.spatial.layer.LayerKind;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

class LayerApiTest extends ServerTestBase {

    static byte[] zipOf(Path dir, String base) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String ext : new String[] {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
                Path f = dir.resolve(base + ext);
                if (Files.exists(f)) {
                    zip.putNextEntry(new ZipEntry("delivery/" + base + ext));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private int versions() {
        return jdbc.sql("SELECT COUNT(*) FROM layer_version")
                .query(Integer.class)
                .single();
    }

    private int features() {
        return jdbc.sql("SELECT COUNT(*) FROM layer_feature")
                .query(Integer.class)
                .single();
    }

    @Test
    void listsTheImportedVersionsWithTheirHashes() throws Exception {
        mvc.perform(get("/api/v1/layers").header("Authorization", bearer(token(Role.VILLAGE))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'dltb')].featureCount")
                        .value(county().features(LayerKind.DLTB).size()))
                .andExpect(jsonPath("$[0].sha256").isString())
                .andExpect(jsonPath("$[0].effectiveFrom").value("2026-01-01"));
    }

    @Test
    void aZippedShapefileImportsAsANewVersionOnce() throws Exception {
        MockMultipartFile file =
                new MockMultipartFile("file", "jbnt.zip", "application/zip", zipOf(countyFiles(), "jbnt"));
        String admin = token(Role.ADMIN);
        int before = versions();
        mvc.perform(multipart("/api/v1/layers/jbnt/versions")
                        .file(file)
                        .param("effectiveFrom", "2026-06-01")
                        .header("Authorization", bearer(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.kind").value("jbnt"))
                .andExpect(jsonPath("$.version.effectiveFrom").value("2026-06-01"))
                .andExpect(jsonPath("$.read")
                        .value(county().features(LayerKind.JBNT).size()))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.sourceCrs").value("EPSG:4527 (declared by the file)"));
        assertThat(versions()).isEqualTo(before + 1);
        mvc.perform(multipart("/api/v1/layers/jbnt/versions")
                        .file(file)
                        .param("effectiveFrom", "2026-06-01")
                        .header("Authorization", bearer(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LAYER_VERSION_EXISTS"));
        assertThat(versions()).isEqualTo(before + 1);
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "approval.geojson",
                "application/geo+json",
                Files.readAllBytes(countyFiles().resolve("approval.geojson")));
        mvc.perform(multipart("/api/v1/layers/approval/versions")
                        .file(file)
                        .header("Authorization", bearer(token(Role.OFFICER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRejectedFileLeavesNothingBehind() throws Exception {
        int v = versions();
        int f = features();
        MockMultipartFile notShp = new MockMultipartFile("file", "dltb.zip", "application/zip", zipOfText());
        mvc.perform(multipart("/api/v1/layers/dltb/versions")
                        .file(notShp)
                        .header("Authorization", bearer(token(Role.ADMIN))))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.code").value("ZIP_NOT_SHAPEFILE"));
        assertThat(versions()).isEqualTo(v);
        assertThat(features()).isEqualTo(f);
    }

    private static byte[] zipOfText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a shapefile".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
