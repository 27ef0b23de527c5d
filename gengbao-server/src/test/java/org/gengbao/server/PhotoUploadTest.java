package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.evidence.EvidenceStore;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Photos of patrol records (issue 4, item 4): hash check, declaration, EXIF reading and flags, idempotence. */
class PhotoUploadTest extends PatrolTestSupport {
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-26T08:00:00+08:00");

    @Autowired
    EvidenceStore evidence;

    private ResultActions putPhoto(String token, String recordId, String sha, byte[] bytes, String type)
            throws Exception {
        return mvc.perform(put("/api/v1/patrol/records/" + recordId + "/photos/" + sha)
                .header("Authorization", bearer(token))
                .contentType(type)
                .content(bytes));
    }

    /** A record by t-inspector with one observation at {@code at} (a point) declaring these photos. */
    private String recordWith(Coordinate at, byte[]... photos) throws Exception {
        String[] shas = new String[photos.length];
        for (int i = 0; i < photos.length; i++) {
            shas[i] = sha256(photos[i]);
        }
        ObjectNode body = record(START, at, observation("SIGN_DAMAGED", point(at), START.plusMinutes(20), shas));
        String id = newId();
        JsonNode created = json(putRecord(token(Role.INSPECTOR), id, JSON.writeValueAsString(body)));
        assertThat(created.path("status").asString()).as(created.toString()).isEqualTo("CREATED");
        assertThat(created.path("missingPhotos")).hasSize(photos.length);
        return id;
    }

    @Test
    void aCleanPhotoIsReceivedOnceAndNotFlagged() throws Exception {
        Place place = nextPlace();
        double[] ll = lonLat(new Coordinate(place.centre().x + 15, place.centre().y));
        byte[] photo = ExifJpeg.photo(101, START.plusMinutes(21), true, ll[0], ll[1], 135.5);
        byte[] other = ExifJpeg.plain(102);
        String id = recordWith(place.centre(), photo, other);
        String sha = sha256(photo);
        String token = token(Role.INSPECTOR);

        var first = putPhoto(token, id, sha, photo, "image/jpeg").andReturn().getResponse();
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(first.getContentAsString(StandardCharsets.UTF_8));
        assertThat(receipt.path("status").asString()).isEqualTo("CREATED");
        assertThat(receipt.path("flags")).isEmpty();
        assertThat(receipt.at("/exif/lon").asDouble()).isCloseTo(ll[0], within(1e-6));
        assertThat(receipt.at("/exif/lat").asDouble()).isCloseTo(ll[1], within(1e-6));
        assertThat(receipt.at("/exif/bearing").asDouble()).isCloseTo(135.5, within(1e-9));
        assertThat(OffsetDateTime.parse(receipt.at("/exif/time").asString()).toInstant())
                .isEqualTo(START.plusMinutes(21).toInstant());
        assertThat(receipt.path("sizeBytes").asLong()).isEqualTo(photo.length);
        assertThat(receipt.path("missingPhotos").toString())
                .contains(sha256(other))
                .doesNotContain(sha);
        assertThat(evidence.contains(sha)).isTrue();

        var again = putPhoto(token, id, sha, photo, "image/jpeg").andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(200);
        JsonNode unchanged = JSON.readTree(again.getContentAsString(StandardCharsets.UTF_8));
        assertThat(unchanged.path("status").asString()).isEqualTo("UNCHANGED");
        assertThat(unchanged.path("receivedAt").asString())
                .isEqualTo(receipt.path("receivedAt").asString());
        assertThat(count("SELECT COUNT(*) FROM patrol_photo_receipt WHERE record_id = ?", id))
                .isEqualTo(1);

        var download = mvc.perform(get("/api/v1/patrol/records/" + id + "/photos/" + sha)
                        .header("Authorization", bearer(token(Role.OFFICER))))
                .andReturn()
                .getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("image/jpeg");
        assertThat(download.getContentAsByteArray()).isEqualTo(photo);
        problem(getJson(token, "/api/v1/patrol/records/" + id + "/photos/" + sha256(other)), 404, "PHOTO_NOT_FOUND");

        JsonNode view = json(getJson(token, "/api/v1/patrol/records/" + id));
        assertThat(view.path("missingPhotos")).hasSize(1);
        JsonNode shown = null;
        for (JsonNode p : view.at("/observations/0/photos")) {
            if (p.path("sha256").asString().equals(sha)) {
                shown = p;
            }
        }
        assertThat(shown).isNotNull();
        assertThat(shown.path("received").asBoolean()).isTrue();
        assertThat(shown.path("receivedAt").asString()).isNotBlank();
        assertThat(shown.path("flags")).isEmpty();
    }

    @Test
    void photosTakenFarAwayOrOutsideThePatrolAreFlaggedAndKept() throws Exception {
        Place place = nextPlace();
        double[] far = lonLat(new Coordinate(place.centre().x + 600, place.centre().y + 300));
        byte[] farAndLate = ExifJpeg.photo(201, START.plusHours(3), true, far[0], far[1], null);
        // no offset: the time is China time, 08:30 inside the patrol (read as UTC it would be 16:30 China, outside)
        double[] near = lonLat(place.centre());
        byte[] localTime = ExifJpeg.photo(202, START.plusMinutes(30), false, near[0], near[1], null);
        byte[] bare = ExifJpeg.plain(203);
        String id = recordWith(place.centre(), farAndLate, localTime, bare);
        String token = token(Role.INSPECTOR);

        JsonNode flagged = json(putPhoto(token, id, sha256(farAndLate), farAndLate, "image/jpeg"));
        assertThat(flagged.path("status").asString()).as(flagged.toString()).isEqualTo("CREATED");
        assertThat(texts(flagged.path("flags")))
                .containsExactlyInAnyOrder("EXIF_POSITION_FAR", "EXIF_TIME_OUTSIDE_PATROL");

        JsonNode local = json(putPhoto(token, id, sha256(localTime), localTime, "image/jpeg"));
        assertThat(local.path("flags")).as(local.toString()).isEmpty();
        assertThat(OffsetDateTime.parse(local.at("/exif/time").asString()).toInstant())
                .isEqualTo(START.plusMinutes(30).toInstant());

        JsonNode none = json(putPhoto(token, id, sha256(bare), bare, "application/octet-stream"));
        assertThat(texts(none.path("flags"))).containsExactlyInAnyOrder("NO_EXIF_TIME", "NO_EXIF_POSITION");
        assertThat(none.path("missingPhotos")).isEmpty();

        JsonNode view = json(getJson(token(Role.OFFICER), "/api/v1/patrol/records/" + id));
        assertThat(view.path("missingPhotos")).isEmpty();
        String photos = view.at("/observations/0/photos").toString();
        assertThat(photos).contains("EXIF_POSITION_FAR", "EXIF_TIME_OUTSIDE_PATROL", "NO_EXIF_TIME");
        assertThat(evidence.contains(sha256(farAndLate))).isTrue();
    }

    @Test
    void aPhotoWhoseBytesDoNotMatchItsHashIsRefusedAndNothingIsStored() throws Exception {
        Place place = nextPlace();
        byte[] declared = ExifJpeg.plain(301);
        byte[] sent = ExifJpeg.plain(302);
        String id = recordWith(place.centre(), declared);
        problem(putPhoto(token(Role.INSPECTOR), id, sha256(declared), sent, "image/jpeg"), 422, "PHOTO_HASH_MISMATCH");
        assertThat(count("SELECT COUNT(*) FROM patrol_photo_receipt WHERE record_id = ?", id))
                .isZero();
        assertThat(evidence.contains(sha256(sent))).isFalse();
        assertThat(evidence.contains(sha256(declared))).isFalse();
        JsonNode view = json(getJson(token(Role.INSPECTOR), "/api/v1/patrol/records/" + id));
        assertThat(view.path("missingPhotos").get(0).asString()).isEqualTo(sha256(declared));
    }

    @Test
    void onlyDeclaredPhotosOfVisibleRecordsByTheirInspectorAreAccepted() throws Exception {
        Place place = nextPlace();
        byte[] declared = ExifJpeg.plain(401);
        byte[] undeclared = ExifJpeg.plain(402);
        String id = recordWith(place.centre(), declared);
        String token = token(Role.INSPECTOR);
        problem(putPhoto(token, id, sha256(undeclared), undeclared, "image/jpeg"), 404, "PHOTO_NOT_DECLARED");
        problem(putPhoto(token, "no-such-record-1", sha256(declared), declared, "image/jpeg"), 404, "RECORD_NOT_FOUND");
        problem(
                putPhoto(login("t-inspector-b", "secret-inspector"), id, sha256(declared), declared, "image/jpeg"),
                404,
                "RECORD_NOT_FOUND");
        problem(
                putPhoto(token(Role.VILLAGE), id, sha256(declared), declared, "image/jpeg"),
                403,
                "PHOTO_UPLOAD_FORBIDDEN");
        problem(putPhoto(token, id, "not-a-hash", declared, "image/jpeg"), 400, "PHOTO_HASH_INVALID");
        problem(putPhoto(token, id, sha256(declared), declared, "text/plain"), 415, "MEDIA_TYPE_UNSUPPORTED");
        problem(
                getJson(
                        login("t-inspector-b", "secret-inspector"),
                        "/api/v1/patrol/records/" + id + "/photos/" + sha256(declared)),
                404,
                "RECORD_NOT_FOUND");
        assertThat(count("SELECT COUNT(*) FROM patrol_photo_receipt WHERE record_id = ?", id))
                .isZero();
        // an officer may upload it for the inspector
        assertThat(putPhoto(token(Role.OFFICER), id, sha256(declared), declared, "image/jpeg")
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
    }

    @Test
    void bytesThatAreNoImageAreRefused() throws Exception {
        Place place = nextPlace();
        byte[] text = "这不是照片 / not a photo".getBytes(StandardCharsets.UTF_8);
        String id = recordWith(place.centre(), text);
        problem(
                putPhoto(token(Role.INSPECTOR), id, sha256(text), text, "application/octet-stream"),
                422,
                "PHOTO_NOT_AN_IMAGE");
        assertThat(count("SELECT COUNT(*) FROM patrol_photo_receipt WHERE record_id = ?", id))
                .isZero();
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
