package workbench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads report pages strictly, as XML, and finds their parts by id (tests only). */
public final class Pages {
    private Pages() {
    }

    public static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    /** nothing is fetched: no scheme, no script, no stylesheet link, every src a data: URI */
    public static void assertSelfContained(String html, Document doc) {
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "@import", "url(");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("src")) {
                assertThat(e.getAttribute("src")).startsWith("data:image/png;base64,");
            }
            if (e.hasAttribute("href")) {
                assertThat(e.getAttribute("href")).startsWith("#");
            }
        }
    }

    public static List<String> ids(Document doc) {
        List<String> ids = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    public static String text(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    public static List<String> headers(Document doc, String tableId) {
        NodeList all = doc.getElementsByTagName("table");
        for (int i = 0; i < all.getLength(); i++) {
            Element t = (Element) all.item(i);
            if (t.getAttribute("id").equals(tableId)) {
                NodeList th = t.getElementsByTagName("th");
                List<String> out = new ArrayList<>();
                for (int k = 0; k < th.getLength(); k++) {
                    out.add(th.item(k).getTextContent());
                }
                return out;
            }
        }
        throw new AssertionError("no table " + tableId);
    }
}
