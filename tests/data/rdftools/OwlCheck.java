// Loads an ontology with the OWL API (the parser Protégé uses) and says what it found, one
// "key<TAB>value" line each: the document format, the ontology and version IRIs, counts of
// axioms and entities, every triple the parser could not turn into OWL ("unparsed"), every
// OWL 2 DL profile violation ("violation"), and "dl<TAB>true|false". Exit 0 when it loaded.
// Run by tests/rdftools.py as a single-file program: java -cp '<lib>/*' OwlCheck.java FILE
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class OwlCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
        OWLDocumentFormat format = manager.getOntologyFormat(ontology);
        System.out.println("format\t" + format.getKey());
        System.out.println("iri\t" + ontology.getOntologyID().getOntologyIRI().map(Object::toString).orElse(""));
        System.out.println("version\t" + ontology.getOntologyID().getVersionIRI().map(Object::toString).orElse(""));
        System.out.println("axioms\t" + ontology.getAxiomCount());
        System.out.println("classes\t" + ontology.classesInSignature().count());
        System.out.println("objectProperties\t" + ontology.objectPropertiesInSignature().count());
        System.out.println("dataProperties\t" + ontology.dataPropertiesInSignature().count());
        System.out.println("annotationProperties\t" + ontology.annotationPropertiesInSignature().count());
        System.out.println("individuals\t" + ontology.individualsInSignature().count());
        format.getOntologyLoaderMetaData().ifPresent(meta -> {
            if (meta instanceof RDFParserMetaData) {
                ((RDFParserMetaData) meta).getUnparsedTriples()
                        .forEach(t -> System.out.println("unparsed\t" + t));
            }
        });
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation v : report.getViolations()) {
            System.out.println("violation\t" + v.toString().replace('\n', ' '));
        }
        System.out.println("dl\t" + report.isInProfile());
    }
}
