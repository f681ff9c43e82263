package io.github.smartapiauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The rules only see what is on this module's classpath: every production module of the reactor must be a
 * dependency here (architecture.md: "every new production module joins architecture-tests' dependencies in
 * the same change"), as a production jar, never a test-jar (DoNotIncludeTests cannot filter test classes
 * that arrive inside a jar).
 */
class ProductionModulesTest {

    /** Reactor modules that are not production code. */
    private static final Set<String> NOT_PRODUCTION = Set.of("architecture-tests", "benchmarks", "reliability-tests");

    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

    @Test
    void everyProductionModuleOfTheReactorIsADependency() throws Exception {
        Document root = parse(MODULE.resolveSibling("pom.xml"));
        List<String> productionArtifacts = new ArrayList<>();
        for (String module : texts(root.getDocumentElement(), "modules", "module")) {
            if (!NOT_PRODUCTION.contains(module)) {
                productionArtifacts.add(artifactId(parse(MODULE.resolveSibling(module).resolve("pom.xml"))));
            }
        }
        assertThat(productionArtifacts).contains("smartapi-auth-domain", "smartapi-auth-application");

        List<String> dependencies = new ArrayList<>();
        for (Element dependency : dependencies(parse(MODULE.resolve("pom.xml")))) {
            dependencies.add(text(dependency, "artifactId"));
        }
        assertThat(dependencies).containsAll(productionArtifacts);
    }

    @Test
    void noDependencyIsATestJar() throws Exception {
        for (Element dependency : dependencies(parse(MODULE.resolve("pom.xml")))) {
            assertThat(text(dependency, "type")).as("type of %s", text(dependency, "artifactId")).isNotEqualTo("test-jar");
            assertThat(text(dependency, "classifier")).as("classifier of %s", text(dependency, "artifactId"))
                    .isNotEqualTo("tests");
        }
    }

    private static Document parse(Path pom) throws Exception {
        assertThat(pom).as("pom").exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String artifactId(Document pom) {
        return text(pom.getDocumentElement(), "artifactId");
    }

    /** The project's own dependencies (not dependencyManagement's, not plugins'). */
    private static List<Element> dependencies(Document pom) {
        List<Element> result = new ArrayList<>();
        for (Element dependencies : children(pom.getDocumentElement(), "dependencies")) {
            result.addAll(children(dependencies, "dependency"));
        }
        return result;
    }

    private static List<String> texts(Element parent, String container, String item) {
        List<String> result = new ArrayList<>();
        for (Element element : children(parent, container)) {
            for (Element child : children(element, item)) {
                result.add(child.getTextContent().trim());
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
                result.add((Element) node);
            }
        }
        return result;
    }
}
