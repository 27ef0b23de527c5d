package org.gengbao.server.patrol;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.gengbao.server.accounts.CurrentUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PUT /api/v1/patrol/records/{clientId}/photos/{sha256}} with the photo's bytes (image/* or
 * application/octet-stream): 201 when received, 200 when it had been received before, 422 PHOTO_HASH_MISMATCH when
 * the bytes do not hash to the address; the answer lists the photo's flags. {@code GET} of the same address returns
 * the bytes.
 */
@RestController
@RequestMapping("/api/v1/patrol/records/{clientId}/photos")
class PhotoController {
    private final PhotoReceipts photos;

    PhotoController(PhotoReceipts photos) {
        this.photos = photos;
    }

    @PutMapping(
            value = "/{sha256}",
            consumes = {"image/*", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasAnyRole('INSPECTOR', 'VILLAGE', 'OFFICER', 'ADMIN')")
    ResponseEntity<ObjectNode> put(
            @PathVariable String clientId,
            @PathVariable String sha256,
            HttpServletRequest request,
            @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        PhotoReceipts.Outcome outcome;
        try (InputStream in = new InterruptibleBody(request.getInputStream())) {
            outcome = photos.put(clientId, sha256, in, request.getContentLengthLong(), user);
        }
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.body());
    }

    @GetMapping("/{sha256}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'INSPECTOR', 'TOWN', 'VILLAGE')")
    ResponseEntity<InputStreamResource> get(
            @PathVariable String clientId, @PathVariable String sha256, @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        PhotoReceipts.Download d = photos.get(clientId, sha256, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.mediaType()))
                .contentLength(d.sizeBytes())
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .body(new InputStreamResource(d.content()));
    }

    /**
     * The request body, where a connection lost in the middle of the upload (the phone moved out of signal) becomes a
     * clear 400 that stores nothing instead of an unexpected error.
     */
    static final class InterruptibleBody extends java.io.FilterInputStream {
        InterruptibleBody(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw interrupted();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw interrupted();
            }
        }

        private static org.gengbao.server.web.Problem interrupted() {
            return org.gengbao.server.web.Problem.badRequest(
                    "UPLOAD_INCOMPLETE",
                    "照片上传中断，未保存任何内容；请重新上传",
                    "The photo upload was interrupted and nothing was stored; upload it again");
        }
    }
}
