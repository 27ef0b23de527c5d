package org.gengbao.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Issues numbered PDF documents for cases and keeps them. (Contract for issue 5; the rendering is being written on
 * branch wip-docs and replaces this class.)
 */
@Service
public class Documents {

    /**
     * Numbers, renders and stores a document of a case, and records it; joins the caller's transaction (a rolled-back
     * transition leaves no document row; the PDF bytes may stay in the content-addressed store, unreferenced).
     */
    public IssuedDocument issue(String caseId, DocumentType type, DocumentContent content, String actor) {
        throw new UnsupportedOperationException("documents are not implemented yet");
    }

    /** The documents of a case, in issue order. */
    public List<IssuedDocument> ofCase(String caseId) {
        throw new UnsupportedOperationException("documents are not implemented yet");
    }

    public Optional<IssuedDocument> find(String id) {
        throw new UnsupportedOperationException("documents are not implemented yet");
    }

    /** The PDF bytes. */
    public InputStream open(IssuedDocument document) throws IOException {
        throw new UnsupportedOperationException("documents are not implemented yet");
    }
}
