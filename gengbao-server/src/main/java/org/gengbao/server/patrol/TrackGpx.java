package org.gengbao.server.patrol;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the track points of a GPX document (any GPX version: {@code trk/trkseg/trkpt} with {@code lat}, {@code lon}
 * and a {@code time} element), segments in document order. The parser refuses document type declarations, so that
 * no external entity, external DTD or entity expansion is ever processed.
 */
final class TrackGpx {
    private TrackGpx() {}

    /** One point: longitude and latitude in degrees (CGCS2000, as WGS 84 is treated) and its time. */
    record Point(double lon, double lat, OffsetDateTime time) {}

    static List<Point> read(String gpx) {
        Document doc;
        try {
            doc = builder().parse(new InputSource(new StringReader(gpx)));
        } catch (SAXException e) {
            throw invalid(
                    "GPX 轨迹不是有效的 XML（不允许 DOCTYPE 声明）：" + e.getMessage(),
                    "The GPX track is not valid XML (DOCTYPE declarations are not allowed): " + e.getMessage());
        } catch (IOException e) {
            throw invalid("无法读取 GPX 轨迹", "The GPX track cannot be read");
        }
        Element root = doc.getDocumentElement();
        if (!"gpx".equals(localName(root))) {
            throw invalid(
                    "GPX 轨迹的根元素应为 gpx，而不是 " + localName(root),
                    "The root element of a GPX track must be gpx, not " + localName(root));
        }
        NodeList points = doc.getElementsByTagNameNS("*", "trkpt");
        List<Point> out = new ArrayList<>(points.getLength());
        for (int i = 0; i < points.getLength(); i++) {
            Element p = (Element) points.item(i);
            double lat = coordinate(p, "lat", i);
            double lon = coordinate(p, "lon", i);
            String time = childText(p, "time");
            if (time == null) {
                throw invalid(
                        "GPX 轨迹第 " + (i + 1) + " 个点（trkpt）没有时间（time）",
                        "Track point " + (i + 1) + " of the GPX has no time");
            }
            try {
                out.add(new Point(lon, lat, OffsetDateTime.parse(time.trim())));
            } catch (DateTimeParseException e) {
                throw invalid(
                        "GPX 轨迹第 " + (i + 1) + " 个点的时间“" + time.trim() + "”不是带时区的 ISO-8601 时间",
                        "The time \"" + time.trim() + "\" of GPX track point " + (i + 1)
                                + " is not an ISO-8601 time with offset (or Z)");
            }
        }
        return out;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser without the features needed for safe parsing", e);
        }
    }

    private static double coordinate(Element p, String name, int index) {
        String v = p.getAttribute(name);
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(
                "GPX 轨迹第 " + (index + 1) + " 个点的 " + name + " 不是数字：“" + v + "”",
                "The " + name + " of GPX track point " + (index + 1) + " is not a number: \"" + v + "\"");
    }

    private static String childText(Element e, String name) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child && name.equals(localName(child))) {
                return child.getTextContent();
            }
        }
        return null;
    }

    private static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static Problem invalid(String zh, String en) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "GPX_INVALID", zh, en);
    }
}
