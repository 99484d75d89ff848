package dev.natconsole.shared;

/** A resource the client named by id does not exist; rendered as a 404 problem detail. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " does not exist");
    }
}
